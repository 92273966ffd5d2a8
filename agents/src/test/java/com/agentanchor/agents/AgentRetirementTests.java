package com.agentanchor.agents;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;

import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.support.PublishedEvents;

/** An owner retires their agent once and for good; nobody else may, and nothing brings it back. */
@IntegrationTest
class AgentRetirementTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    @Autowired
    PublishedEvents published;

    Api api;
    String owner;
    String agent;

    @BeforeEach
    void anActiveAgent() {
        api = new Api(port);
        owner = api.token(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Old timer")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
    }

    @Test
    void theOwnerRetiresItOnceAndItIsAnnounced() {
        var retired = api.post("/api/agents/" + agent + "/retire", owner, Map.of());

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().get("status").asString()).isEqualTo("retired");
        assertThat(retired.body().get("retiredAt").isNull()).isFalse();
        assertThat(published.ofType(AgentStatusChanged.class)).anySatisfy(e -> {
            assertThat(e.agentId()).hasToString(agent);
            assertThat(e.previousStatus()).isEqualTo("active");
            assertThat(e.newStatus()).isEqualTo("retired");
        });

        var again = api.post("/api/agents/" + agent + "/retire", owner, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.body().get("title").asString()).isEqualTo("Agent retired already");
    }

    @Test
    void strangersMayNotRetireItAndLearnNothingOfADraft() {
        var stranger = api.token(unique("stranger"));
        var visible = api.post("/api/agents/" + agent + "/retire", stranger, Map.of());
        assertThat(visible.status()).as("active: visible, not theirs").isEqualTo(403);

        var draft = api.post("/api/agents", owner, Map.of("name", "Secret")).body().get("id").asString();
        assertThat(api.post("/api/agents/" + draft + "/retire", stranger, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/agents/" + agent, owner).body().get("status").asString()).isEqualTo("active");
        assertThat(api.post("/api/agents/" + agent + "/retire", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void theDatabaseRefusesRetirementToOthersAndAnyWayBack() {
        var stranger = api.profileId(api.token(unique("stranger")));
        assertThat(sqlState(stranger, "SELECT retire_own_agent(?::uuid)::text")).isEqualTo("42501");
        assertThat(sqlState(ownerId(), "UPDATE agents SET retired_at = now() WHERE id = ?::uuid"))
                .as("no column grant on retired_at").isEqualTo("42501");

        api.post("/api/agents/" + agent + "/retire", owner, Map.of());
        for (var status : new String[] { "active", "suspended", "draft" }) {
            assertThat(ownerRoleCannot("UPDATE agents SET status = '" + status + "' WHERE id = ?::uuid"))
                    .as("retired stays retired, even for the table's owner: %s", status).contains("stays retired");
        }
    }

    private String ownerId() {
        return api.profileId(owner);
    }

    private String sqlState(String actor, String sql) {
        try {
            appRole.actingFor(actor, jdbc -> jdbc.queryForList(sql, agent));
            return "allowed";
        } catch (DataAccessException e) {
            return e.getMostSpecificCause() instanceof java.sql.SQLException s ? s.getSQLState() : e.toString();
        }
    }

    private String ownerRoleCannot(String sql) {
        try {
            database.update(sql, agent);
            return "allowed";
        } catch (DataAccessException e) {
            return e.getMostSpecificCause().getMessage();
        }
    }
}
