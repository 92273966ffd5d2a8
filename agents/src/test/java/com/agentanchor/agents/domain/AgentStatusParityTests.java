package com.agentanchor.agents.domain;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/**
 * {@link AgentStatus}'s two rules and their SQL twins agree on every pair of statuses: {@code ownerMayMoveTo} with
 * {@code advance_own_agent} (called as the owner), {@code governanceMayMoveTo} with {@code change_agent_status}
 * (called as a validator), {@code ownerMayRetire} with {@code retire_own_agent} (as the owner). Each call runs as
 * the app role in a transaction that is rolled back.
 */
@IntegrationTest
class AgentStatusParityTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    String owner;
    String validator;
    String agent;

    @BeforeEach
    void anAgentAndAValidator() {
        var api = new Api(port);
        var ownerToken = api.token(unique("owner"));
        owner = api.profileId(ownerToken);
        validator = api.profileId(api.trainer(unique("validator")));
        agent = api.post("/api/agents", ownerToken, Map.of("name", "Parity")).body().get("id").asString();
    }

    @Test
    void theOwnersStepsAgree() {
        for (var from : AgentStatus.values()) {
            database.update("UPDATE agents SET status = ?::agent_status WHERE id = ?::uuid", from.name(), agent);
            for (var to : AgentStatus.values()) {
                assertThat(allowed(owner, "advance_own_agent", to)).as("owner: %s -> %s", from, to)
                        .isEqualTo(from.ownerMayMoveTo(to));
            }
        }
    }

    @Test
    void theCouncilsMovesAgree() {
        for (var from : AgentStatus.values()) {
            database.update("UPDATE agents SET status = ?::agent_status WHERE id = ?::uuid", from.name(), agent);
            for (var to : AgentStatus.values()) {
                assertThat(allowed(validator, "change_agent_status", to)).as("council: %s -> %s", from, to)
                        .isEqualTo(from.governanceMayMoveTo(to));
            }
        }
    }

    @Test
    void theOwnersRetirementAgrees() {
        // retired last: nothing moves a retired agent, not even this test's setup
        for (var from : AgentStatus.values()) {
            database.update("UPDATE agents SET status = ?::agent_status WHERE id = ?::uuid", from.name(), agent);
            boolean retires = appRole.actingFor(owner, jdbc -> {
                try {
                    jdbc.queryForObject("SELECT retire_own_agent(?::uuid)::text", String.class, agent);
                    return true;
                } catch (DataAccessException e) {
                    if (!e.getMostSpecificCause().getMessage().contains("cannot move an agent")) {
                        throw e;
                    }
                    return false;
                }
            });
            assertThat(retires).as("owner retires from %s", from).isEqualTo(from.ownerMayRetire());
        }
    }

    /** Whether the function moves the agent to {@code to} for {@code actor}, or refuses with check_violation. */
    private boolean allowed(String actor, String function, AgentStatus to) {
        return appRole.actingFor(actor, jdbc -> {
            try {
                jdbc.queryForObject("SELECT " + function + "(?::uuid, ?::agent_status)::text", String.class, agent,
                        to.name());
                return true;
            } catch (DataAccessException e) {
                if (!e.getMostSpecificCause().getMessage().contains("cannot move an agent")) {
                    throw e;
                }
                return false;
            }
        });
    }
}
