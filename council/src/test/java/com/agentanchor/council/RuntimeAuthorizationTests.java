package com.agentanchor.council;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** Agents ask before they act: their trust tier sets what they may do alone; above it the council decides. */
@IntegrationTest
class RuntimeAuthorizationTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    String owner;
    String agent;
    String key;

    /** Active and Untrusted (trust 100): it may take L0 actions alone, nothing more. */
    @BeforeEach
    void anActiveUntrustedAgentWithAKey() {
        api = new Api(port);
        owner = api.token(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Asker")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        key = api.post("/api/agents/" + agent + "/keys", owner, Map.of("name", "runtime")).body().get("key")
                .asString();
    }

    @Test
    void withinItsAutonomyAnAgentIsAllowed() {
        var answer = authorize("read the weather", 0);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("decision").asString()).isEqualTo("allow");
        assertThat(answer.body().get("reason").asString()).contains("L0");
        assertThat(answer.body().get("decisionId").asString()).isNotBlank();
        assertThat(decisionsOf(agent)).as("no council decision for an allowed action").isZero();
    }

    @Test
    void aboveItTheCouncilDecidesAndTheAgentHearsAtOnce() throws Exception {
        var asked = authorize("send the newsletter", 1).body();
        assertThat(asked.get("decision").asString()).isEqualTo("require_approval");
        var decisionId = asked.get("decisionId").asString();
        assertThat(database.query("SELECT decision_type || '/' || status FROM council_decisions WHERE id = ?::uuid",
                String.class, decisionId)).isEqualTo("escalation/pending");
        assertThat(api.get("/api/runtime/decisions/" + decisionId, key).body().get("decision").asString())
                .isEqualTo("require_approval");

        var waiting = CompletableFuture.supplyAsync(
                () -> api.get("/api/runtime/decisions/" + decisionId + "?waitSeconds=25", key));
        var validator = api.trainer(unique("validator"));
        var vote = api.post("/api/council/decisions/" + decisionId + "/votes", validator,
                Map.of("vote", "for", "reason", "fine"));
        assertThat(vote.status()).as("%s", vote.body()).isEqualTo(200);

        var answered = waiting.get();
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().get("decision").asString()).as("answered when decided, not at the timeout")
                .isEqualTo("allow");
        assertThat(answered.body().get("status").asString()).isEqualTo("approved");
    }

    @Test
    void aCriticalActionIsNeverTakenAloneAndAnInactiveAgentIsDeniedEverything() {
        database.update("UPDATE agents SET trust_score = 950 WHERE id = ?::uuid", agent); // Elite: up to L3 alone
        assertThat(authorize("wire money", 3).body().get("decision").asString()).isEqualTo("allow");
        assertThat(authorize("wire all the money", 4).body().get("decision").asString())
                .isEqualTo("require_approval");

        database.update("UPDATE agents SET status = 'suspended' WHERE id = ?::uuid", agent);
        var denied = authorize("read the weather", 0).body();
        assertThat(denied.get("decision").asString()).isEqualTo("deny");
        assertThat(denied.get("reason").asString()).contains("active");
    }

    @Test
    void aRetiredAgentsKeyStillAuthenticatesButIsDeniedEverything() {
        assertThat(authorize("read the weather", 0).body().get("decision").asString()).isEqualTo("allow");
        assertThat(api.post("/api/agents/" + agent + "/retire", owner, Map.of()).status()).isEqualTo(200);

        var denied = authorize("read the weather", 0);
        assertThat(denied.status()).as("the key still authenticates").isEqualTo(200);
        assertThat(denied.body().get("decision").asString()).isEqualTo("deny");
        assertThat(denied.body().get("reason").asString()).contains("active");
        assertThat(authorize("send the newsletter", 2).body().get("decision").asString()).isEqualTo("deny");
        assertThat(decisionsOf(agent)).as("nothing put before the council for it").isZero();
    }

    /**
     * An agent suspended while it waits for the council hears a deny, and an approval that comes while it is
     * suspended allows nothing until it is active again: only an active agent may act.
     */
    @Test
    void aWaitingAgentThatIsStoppedIsDeniedWhateverTheCouncilSays() throws Exception {
        var decisionId = authorize("send the newsletter", 1).body().get("decisionId").asString();
        var waiting = CompletableFuture.supplyAsync(
                () -> api.get("/api/runtime/decisions/" + decisionId + "?waitSeconds=25", key));

        database.update("UPDATE agents SET status = 'suspended' WHERE id = ?::uuid", agent);

        var answered = waiting.get();
        assertThat(answered.body().get("decision").asString()).as("answered by the next sweep").isEqualTo("deny");
        assertThat(answered.body().get("reason").asString()).contains("active");
        assertThat(answered.body().get("status").asString()).as("the council has not decided").isEqualTo("pending");

        assertThat(api.post("/api/council/decisions/" + decisionId + "/votes", api.trainer(unique("validator")),
                Map.of("vote", "for")).status()).isEqualTo(200);
        var approved = api.get("/api/runtime/decisions/" + decisionId, key).body();
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("decision").asString()).as("approved while it is suspended").isEqualTo("deny");
        database.update("UPDATE agents SET status = 'active' WHERE id = ?::uuid", agent);
        assertThat(api.get("/api/runtime/decisions/" + decisionId, key).body().get("decision").asString())
                .as("active again").isEqualTo("allow");
    }

    @Test
    void aRetiredAgentsPendingRequestsLapseAndLeaveTheCouncilsQueue() throws Exception {
        var decisionId = authorize("send the newsletter", 1).body().get("decisionId").asString();
        var validator = api.trainer(unique("validator"));
        assertThat(api.get("/api/council/decisions/pending?limit=100", validator).body().toString())
                .contains(decisionId);

        assertThat(api.post("/api/agents/" + agent + "/retire", owner, Map.of()).status()).isEqualTo(200);

        Eventually.await(() -> "rejected".equals(database.query(
                "SELECT status::text FROM council_decisions WHERE id = ?::uuid", String.class, decisionId)));
        var lapsed = api.get("/api/runtime/decisions/" + decisionId, key).body();
        assertThat(lapsed.get("decision").asString()).isEqualTo("deny");
        assertThat(lapsed.get("reason").asString()).as("%s", lapsed).contains("active");
        assertThat(database.query("SELECT reasoning FROM council_decisions WHERE id = ?::uuid", String.class,
                decisionId)).isEqualTo("Lapsed: the agent retired before the council decided");
        assertThat(api.get("/api/council/decisions/pending?limit=100", validator).body().toString())
                .doesNotContain(decisionId);
        assertThat(api.post("/api/council/decisions/" + decisionId + "/votes", validator, Map.of("vote", "for"))
                .status()).as("nothing left to decide").isEqualTo(409);
        assertThat(database.query("SELECT trust_score FROM agents WHERE id = ?::uuid", Integer.class, agent))
                .as("a lapse moves no trust").isEqualTo(100);
    }

    /**
     * A vote that lands after the retirement commits but before its requests lapse (here: retired in the database,
     * so nothing lapses them) decides nothing: the verdict would move a retired agent's trust.
     */
    @Test
    void aVoteBetweenTheRetirementAndTheLapseMovesNoTrust() {
        var decisionId = authorize("send the newsletter", 1).body().get("decisionId").asString();
        database.update("UPDATE agents SET status = 'retired', retired_at = now() WHERE id = ?::uuid", agent);

        var vote = api.post("/api/council/decisions/" + decisionId + "/votes", api.trainer(unique("validator")),
                Map.of("vote", "for"));
        assertThat(vote.status()).as("%s", vote.body()).isEqualTo(409);
        assertThat(vote.body().get("detail").asString()).contains("retired");
        assertThat(database.query("SELECT trust_score FROM agents WHERE id = ?::uuid", Integer.class, agent))
                .isEqualTo(100);
        assertThat(database.query("SELECT count(*) FROM trust_history WHERE agent_id = ?::uuid", Integer.class,
                agent)).isZero();
        assertThat(database.query("SELECT status::text FROM council_decisions WHERE id = ?::uuid", String.class,
                decisionId)).as("the vote rolled back with the verdict").isEqualTo("pending");
    }

    @Test
    void badRequestsAreRefusedAndOnlyTheAgentsOwnDecisionsAreVisible() {
        var tooRisky = api.post("/api/runtime/authorize", key, Map.of("action", "x", "riskLevel", 5));
        assertThat(tooRisky.status()).isEqualTo(400);
        assertThat(tooRisky.body().get("detail").asString()).as("the field named once").isEqualTo(
                "riskLevel: must be 0 to 4");
        assertThat(api.post("/api/runtime/authorize", key, Map.of("riskLevel", 1)).status()).isEqualTo(400);
        assertThat(api.post("/api/runtime/authorize", owner, Map.of("action", "x", "riskLevel", 0)).status())
                .as("users are not agents").isEqualTo(403);
        var decisionId = authorize("delete the backups", 2).body().get("decisionId").asString();
        assertThat(api.get("/api/runtime/decisions/" + decisionId + "?waitSeconds=31", key).status())
                .isEqualTo(400);

        var other = api.post("/api/agents", owner, Map.of("name", "Sibling")).body().get("id").asString();
        var othersKey = api.post("/api/agents/" + other + "/keys", owner, Map.of("name", "k")).body().get("key")
                .asString();
        assertThat(api.get("/api/runtime/decisions/" + decisionId, othersKey).status()).isEqualTo(404);
        assertThat(decisionsOf(agent)).isEqualTo(1);
    }

    @Test
    void theDatabaseLetsAnAgentAskOnlyForItselfAndOnlyToWait() {
        var other = api.post("/api/agents", owner, Map.of("name", "Sibling")).body().get("id").asString();
        var ask = "INSERT INTO council_decisions (agent_id, decision_type, risk_level, subject_action, status) "
                + "VALUES (?::uuid, ?::decision_type, 1, 'x', ?::decision_status)";

        assertThat(appRole.<Integer>actingForAgent(agent, jdbc -> jdbc.update(ask, agent, "escalation", "pending")))
                .isEqualTo(1);
        assertThatThrownBy(() -> appRole.actingForAgent(agent, jdbc -> jdbc.update(ask, other, "escalation",
                "pending"))).as("for a sibling").rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> appRole.actingForAgent(agent, jdbc -> jdbc.update(ask, agent, "escalation",
                "approved"))).as("approved by itself").rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> appRole.actingForAgent(agent, jdbc -> jdbc.update(ask, agent, "reinstatement",
                "pending"))).as("its own reinstatement").rootCause().hasMessageContaining("row-level security");
    }

    /** Its pending requests lapsed as it retired; none may come after them, through the API or the database. */
    @Test
    void nothingMoreIsPutBeforeTheCouncilForARetiredAgent() {
        var ask = "INSERT INTO council_decisions (agent_id, decision_type, risk_level, subject_action, status) "
                + "VALUES (?::uuid, ?::decision_type, 2, 'x', 'pending')";
        assertThat(api.post("/api/agents/" + agent + "/retire", owner, Map.of()).status()).isEqualTo(200);

        var filed = api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType", "approval",
                "riskLevel", 2, "subjectAction", "one more thing"));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(409);
        assertThat(filed.body().get("detail").asString()).contains("retired");
        assertThatThrownBy(() -> appRole.actingFor(api.profileId(owner), jdbc -> jdbc.update(ask, agent,
                "approval"))).as("its owner").rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> appRole.actingForAgent(agent, jdbc -> jdbc.update(ask, agent, "escalation")))
                .as("itself").rootCause().hasMessageContaining("row-level security");
        assertThat(decisionsOf(agent)).isZero();
    }

    private Api.Response authorize(String action, int risk) {
        return api.post("/api/runtime/authorize", key, Map.of("action", action, "riskLevel", risk,
                "context", Map.of("tool", "test")));
    }

    private long decisionsOf(String agentId) {
        return database.query("SELECT count(*) FROM council_decisions WHERE agent_id = ?::uuid", Long.class, agentId);
    }
}
