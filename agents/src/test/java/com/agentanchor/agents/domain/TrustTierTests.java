package com.agentanchor.agents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tier boundaries; {@code TrustTierParityTests} holds the database's {@code get_trust_tier} to the same. */
class TrustTierTests {

    @ParameterizedTest(name = "{0}: {1}, level {2}")
    @CsvSource({ "0, Untrusted, 0", "199, Untrusted, 0", "200, Provisional, 1", "399, Provisional, 1",
            "400, Established, 2", "600, Trusted, 3", "799, Trusted, 3", "800, Highly Trusted, 4",
            "899, Highly Trusted, 4", "900, Elite, 5", "1000, Elite, 5" })
    void eachScoreHasItsTier(int score, String label, int level) {
        assertThat(TrustTier.of(score).label()).isEqualTo(label);
        assertThat(TrustTier.of(score).level()).isEqualTo(level);
    }
}
