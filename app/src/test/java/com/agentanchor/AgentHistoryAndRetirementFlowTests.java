package com.agentanchor;

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
import com.agentanchor.support.Eventually;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/**
 * The screens of an agent's life, through the running app: its trust history as the academy and the council wrote
 * it, its decisions and chain records, and its retirement, which the marketplace and the runtime hear of.
 */
@IntegrationTest
class AgentHistoryAndRetirementFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    Api api;
    String owner;
    String agent;
    String validator;

    @BeforeEach
    void aGraduateWithACouncilApproval() {
        api = new Api(port);
        owner = api.token(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Graduate", "metadata",
                Map.of("category", "events", "tags", List.of("venues")))).body().get("id").asString();
        validator = api.trainer(unique("examiner"));
        var enrollment = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).body().get("id")
                .asString();
        for (int module = 1; module <= 5; module++) {
            assertThat(api.post("/api/academy/enrollments/" + enrollment + "/modules/" + module + "/results",
                    validator, Map.of("score", 90)).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/academy/enrollments/" + enrollment + "/examination", owner, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.post("/api/academy/enrollments/" + enrollment + "/grades", validator, Map.of("score", 85))
                .body().get("status").asString()).isEqualTo("passed");
        var decision = api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType", "approval",
                "riskLevel", 2, "subjectAction", "book a venue")).body().get("id").asString();
        assertThat(api.post("/api/council/decisions/" + decision + "/votes", validator, Map.of("vote", "for"))
                .status()).isEqualTo(200);
    }

    @Test
    void theTrustHistoryShowsTheGraduationAndTheCouncilsChangeNewestFirst() {
        var history = api.get("/api/agents/" + agent + "/trust-history", owner);
        assertThat(history.status()).isEqualTo(200);
        var items = history.body().get("items");
        assertThat(items).hasSize(2);
        var council = items.get(0);
        assertThat(council.get("source").asString()).isEqualTo("council_decision");
        assertThat(council.get("previousScore").asInt()).isEqualTo(200);
        assertThat(council.get("newScore").asInt()).isEqualTo(210);
        assertThat(council.get("change").asInt()).isEqualTo(10);
        var graduation = items.get(1);
        assertThat(graduation.get("source").asString()).isEqualTo("examination");
        assertThat(graduation.get("previousScore").asInt()).isEqualTo(100);
        assertThat(graduation.get("newScore").asInt()).isEqualTo(200);

        // Active, so in public view: a stranger reads the same history, and its decisions.
        var stranger = api.token(unique("stranger"));
        assertThat(api.get("/api/agents/" + agent + "/trust-history", stranger).body().get("items")).hasSize(2);
        assertThat(api.get("/api/council/decisions?agentId=" + agent, stranger).body().get("items")).hasSize(1);
        assertThat(api.get("/api/agents?status=active&tag=venues&q=graduate&size=100", stranger).body().get("items"))
                .anySatisfy(a -> assertThat(a.get("id").asString()).isEqualTo(agent));
    }

    @Test
    void retiringItTakesItOffTheMarketEndsWhatCanEndAndItsKeyMayDoNothing() throws Exception {
        var listing = api.post("/api/marketplace/listings", owner, Map.of("agentId", agent, "title", "Graduate",
                "commissionRate", 0.1, "availableForClone", true, "clonePrice", 5)).body().get("id").asString();
        var commission = api.post("/api/marketplace/listings/" + listing + "/acquisitions",
                api.token(unique("consumer")), Map.of("type", "commission")).body().get("id").asString();
        var clone = api.post("/api/marketplace/listings/" + listing + "/acquisitions", api.token(unique("cloner")),
                Map.of("type", "clone")).body().get("id").asString();
        var key = api.post("/api/agents/" + agent + "/keys", owner, Map.of("name", "runtime")).body().get("key")
                .asString();

        var retired = api.post("/api/agents/" + agent + "/retire", owner, Map.of());
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().get("status").asString()).isEqualTo("retired");

        Eventually.await(() -> "retired".equals(database.query(
                "SELECT status::text FROM marketplace_listings WHERE id = ?::uuid", String.class, listing)));
        Eventually.await(() -> "terminated".equals(acquisitionStatus(commission)));
        assertThat(acquisitionStatus(clone)).as("a clone is its buyer's agent").isEqualTo("active");
        assertThat(api.get("/api/marketplace/listings/" + listing, null).status()).isEqualTo(404);

        var asked = api.post("/api/runtime/authorize", key, Map.of("action", "read the weather", "riskLevel", 0));
        assertThat(asked.status()).as("the key still authenticates").isEqualTo(200);
        assertThat(asked.body().get("decision").asString()).isEqualTo("deny");
        var reported = api.post("/api/runtime/events", key, Map.of("eventType", "tool.search", "title", "still here"));
        assertThat(reported.status()).as("it may still report: %s", reported.body()).isEqualTo(201);

        assertThat(api.post("/api/agents/" + agent + "/retire", owner, Map.of()).status()).isEqualTo(409);
        var listed = new ArrayList<String>();
        api.get("/api/agents?owner=me&status=retired", owner).body().get("items")
                .forEach(a -> listed.add(a.get("id").asString()));
        assertThat(listed).containsExactly(agent);
        assertThat(api.get("/api/agents/" + agent + "/trust-history", api.token(unique("stranger"))).status())
                .as("retired: out of public view").isEqualTo(404);
    }

    private String acquisitionStatus(String id) {
        return database.query("SELECT status::text FROM acquisitions WHERE id = ?::uuid", String.class, id);
    }
}
