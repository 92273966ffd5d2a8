package com.agentanchor.agents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/**
 * {@link TrustTier} and its SQL twins, {@code get_trust_tier(int)} and {@code get_trust_tier_level(int)}
 * (changeset agents/001), agree on every boundary, out-of-range scores included.
 */
@IntegrationTest
class TrustTierParityTests {

    @Autowired
    OwnerDatabase database;

    @ParameterizedTest
    @ValueSource(ints = { -1, 0, 199, 200, 399, 400, 599, 600, 799, 800, 899, 900, 1000, 1001 })
    void javaAndTheDatabaseNameTheSameTier(int score) {
        assertThat(database.query("SELECT get_trust_tier(?)", String.class, score))
                .isEqualTo(TrustTier.of(score).label());
        assertThat(database.query("SELECT get_trust_tier_level(?)", Integer.class, score))
                .isEqualTo(TrustTier.of(score).level());
    }
}
