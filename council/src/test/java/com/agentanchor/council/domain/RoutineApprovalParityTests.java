package com.agentanchor.council.domain;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;

/**
 * {@link CouncilRule#automatic()} and its SQL twin, the insert policy of {@code council_decisions} (changeset
 * council/007), agree for every decision type and risk level: the owner may store a request as approved exactly
 * when the rule approves it without a vote. Each insert runs as the app role and is rolled back.
 */
@IntegrationTest
class RoutineApprovalParityTests {

    @LocalServerPort
    int port;

    @Autowired
    AppRoleDatabase appRole;

    @Test
    void theOwnerStoresAnApprovalExactlyWhenTheRuleNeedsNoVote() {
        var api = new Api(port);
        var token = api.token(unique("owner"));
        var owner = api.profileId(token);
        var agent = api.post("/api/agents", token, Map.of("name", "Routine")).body().get("id").asString();

        for (var type : DecisionType.values()) {
            for (int risk = 0; risk <= RiskLevel.HIGHEST; risk++) {
                var automatic = CouncilRule.of(type, new RiskLevel(risk)).automatic();
                assertThat(storesApproved(owner, agent, type, risk)).as("%s at risk %d", type, risk)
                        .isEqualTo(automatic);
            }
        }
    }

    private boolean storesApproved(String owner, String agent, DecisionType type, int risk) {
        return appRole.actingFor(owner, jdbc -> {
            try {
                jdbc.update("""
                        INSERT INTO council_decisions (agent_id, decision_type, risk_level, subject_action, status)
                        VALUES (?::uuid, ?::decision_type, ?, 'parity', 'approved')""", agent, type.name(), risk);
                return true;
            } catch (DataAccessException e) {
                if (!e.getMostSpecificCause().getMessage().contains("row-level security policy")) {
                    throw e;
                }
                return false;
            }
        });
    }
}
