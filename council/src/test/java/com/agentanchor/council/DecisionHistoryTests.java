package com.agentanchor.council;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * The decision history, as row-level security shows it: the agent's owner and the validators see a draft's decisions,
 * a stranger none. Every query names this test's own agent: the database is shared with other tests.
 */
@IntegrationTest
class DecisionHistoryTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    Api api;
    String owner;
    String agent;
    List<String> requested = new ArrayList<>();

    @BeforeEach
    void aDraftWithSixDecisions() {
        api = new Api(port);
        owner = api.token(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Deliberate")).body().get("id").asString();
        for (int i = 0; i < 6; i++) {
            var response = api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType",
                    "approval", "riskLevel", i == 5 ? 2 : 1, "subjectAction", "step " + i));
            assertThat(response.status()).isEqualTo(201);
            requested.add(0, response.body().get("id").asString());
        }
    }

    @Test
    void theOwnerPagesThroughNewestFirstWithoutOverlapOrGap() {
        var walked = new ArrayList<String>();
        String before = null;
        int pages = 0;
        do {
            var page = api.get("/api/council/decisions?agentId=" + agent + "&limit=4"
                    + (before == null ? "" : "&before=" + before), owner);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(d -> walked.add(d.get("id").asString()));
            before = page.body().get("next").isNull() ? null : page.body().get("next").asString();
            pages++;
        } while (before != null && pages < 10);

        assertThat(pages).isEqualTo(2);
        assertThat(walked).isEqualTo(requested);
        var pending = api.get("/api/council/decisions?agentId=" + agent + "&status=pending", owner).body();
        assertThat(pending.get("items")).hasSize(1);
        assertThat(pending.get("items").get(0).get("subjectAction").asString()).isEqualTo("step 5");
        assertThat(pending.get("items").get(0).get("votes")).isNotNull();
        assertThat(api.get("/api/council/decisions?agentId=" + agent + "&status=approved", owner).body()
                .get("items")).hasSize(5);
    }

    @Test
    void validatorsSeeEveryDecisionAndStrangersNoneOfADraftsNorLearnItExists() {
        var validator = api.trainer(unique("validator"));
        assertThat(api.get("/api/council/decisions?agentId=" + agent + "&limit=100", validator).body().get("items"))
                .hasSize(6);

        var stranger = api.token(unique("stranger"));
        var hidden = api.get("/api/council/decisions?agentId=" + agent, stranger);
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.body().get("items")).isEmpty();
        assertThat(hidden.body().get("next").isNull()).isTrue();
        var all = new ArrayList<String>();
        api.get("/api/council/decisions?limit=100", stranger).body().get("items")
                .forEach(d -> all.add(d.get("agentId").asString()));
        assertThat(all).doesNotContain(agent);

        database.update("UPDATE agents SET status = 'active' WHERE id = ?::uuid", agent);
        assertThat(api.get("/api/council/decisions?agentId=" + agent + "&limit=100", stranger).body().get("items"))
                .as("an active agent's decisions are public").hasSize(6);
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        for (var bad : Map.of("status=undecided", "status", "agentId=nobody", "agentId", "limit=0", "limit",
                "limit=101", "limit", "before=bm9wZQ", "before").entrySet()) {
            var response = api.get("/api/council/decisions?" + bad.getKey(), owner);
            assertThat(response.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.body().get("errors").get(0).get("field").asString()).as(bad.getKey())
                    .isEqualTo(bad.getValue());
        }
    }
}
