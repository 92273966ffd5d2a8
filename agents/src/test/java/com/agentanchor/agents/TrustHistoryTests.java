package com.agentanchor.agents;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/**
 * An agent's trust history, for whoever may see the agent. Rows are seeded as the table's owner (in production only
 * {@code apply_trust_change()} writes them; the app-level tests go through graduation and the council).
 */
@IntegrationTest
class TrustHistoryTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    Api api;
    String owner;
    String agent;

    @BeforeEach
    void anAgentWithAHistory() {
        api = new Api(port);
        owner = api.token(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Historic")).body().get("id").asString();
        int score = 100;
        for (int i = 1; i <= 7; i++) {
            // Three changes at the same instant: the id orders them, and the pages must still not skip one.
            var at = i <= 3 ? "2025-03-01T10:00:00Z" : "2025-03-0" + i + "T10:00:00.123456Z";
            database.update("""
                    INSERT INTO trust_history (agent_id, previous_score, new_score, change, source, reason,
                                               reference_type, reference_id, created_at)
                    VALUES (?::uuid, ?, ?, 5, 'council_decision', ?, 'council_decision', gen_random_uuid(),
                            ?::timestamptz)""", agent, score, score + 5, "change " + i, at);
            score += 5;
        }
    }

    @Test
    void theOwnerReadsItNewestFirstInPagesThatNeitherOverlapNorSkip() {
        var first = api.get("/api/agents/" + agent + "/trust-history", owner);
        assertThat(first.status()).isEqualTo(200);
        var newest = first.body().get("items").get(0);
        assertThat(newest.get("reason").asString()).isEqualTo("change 7");
        assertThat(newest.get("previousScore").asInt()).isEqualTo(130);
        assertThat(newest.get("newScore").asInt()).isEqualTo(135);
        assertThat(newest.get("change").asInt()).isEqualTo(5);
        assertThat(newest.get("source").asString()).isEqualTo("council_decision");
        assertThat(newest.get("referenceType").asString()).isEqualTo("council_decision");
        assertThat(newest.get("referenceId").isNull()).isFalse();
        assertThat(newest.get("createdAt").asString()).isEqualTo("2025-03-07T10:00:00.123456Z");
        assertThat(first.body().get("items")).hasSize(7);
        assertThat(first.body().get("next").isNull()).isTrue();

        var reasons = new ArrayList<String>();
        String before = null;
        int pages = 0;
        do {
            var page = api.get("/api/agents/" + agent + "/trust-history?limit=2"
                    + (before == null ? "" : "&before=" + before), owner);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().get("items").size()).isLessThanOrEqualTo(2);
            page.body().get("items").forEach(c -> reasons.add(c.get("reason").asString()));
            before = page.body().get("next").isNull() ? null : page.body().get("next").asString();
            pages++;
        } while (before != null && pages < 10);
        assertThat(pages).isEqualTo(4);
        assertThat(reasons).doesNotHaveDuplicates().hasSize(7).startsWith("change 7", "change 6", "change 5",
                "change 4").containsExactlyInAnyOrder("change 1", "change 2", "change 3", "change 4", "change 5",
                        "change 6", "change 7");
    }

    @Test
    void aPrivateAgentsHistoryIsHiddenFromStrangersAndAnActiveOnesIsNot() {
        var stranger = api.token(unique("stranger"));
        var hidden = api.get("/api/agents/" + agent + "/trust-history", stranger);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.isProblem()).isTrue();
        assertThat(api.get("/api/agents/" + java.util.UUID.randomUUID() + "/trust-history", stranger).status())
                .isEqualTo(404);

        database.update("UPDATE agents SET status = 'active' WHERE id = ?::uuid", agent);
        var shown = api.get("/api/agents/" + agent + "/trust-history", stranger);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body().get("items")).hasSize(7);
    }

    @Test
    void badCursorsAndLimitsAreProblemsNamingTheParameter() {
        for (var query : List.of("limit=0", "limit=101", "limit=many")) {
            var response = api.get("/api/agents/" + agent + "/trust-history?" + query, owner);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("limit");
        }
        var agents = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("agents|2025-01-01T00:00:00Z|" + agent).getBytes());
        for (var cursor : List.of("%25%25", "bm90IG91cnM", agents, Base64.getUrlEncoder().encodeToString(
                "trust-history|soon|nobody".getBytes()))) {
            var response = api.get("/api/agents/" + agent + "/trust-history?before=" + cursor, owner);
            assertThat(response.status()).as(cursor).isEqualTo(400);
            assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("before");
        }
    }
}
