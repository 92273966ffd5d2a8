package com.agentanchor;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

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
 * Flows no single module's tests can see: the academy graduates an agent through the agents module, the chain
 * records it and the marketplace sells it; the council suspends an agent under examination: the academy cannot pass
 * it, its enrollment ends, and once reinstated it enrolls anew.
 */
@IntegrationTest
class CrossModuleFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    Api api;
    String owner;
    String agent;

    @BeforeEach
    void trainerWithADraft() {
        api = new Api(port);
        owner = api.trainer(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Scholar")).body().get("id").asString();
    }

    @Test
    void anAcademyGraduateIsOnTheChainAndOnSale() throws Exception {
        var enrollment = examination();

        var graded = api.post("/api/academy/enrollments/" + enrollment + "/grades", api.trainer(unique("examiner")),
                Map.of("score", 85));

        assertThat(graded.body().get("status").asString()).isEqualTo("passed");
        assertThat(database.awaitChain(List.of("agent_graduation", "trust_change"), agent))
                .contains("agent_graduation", "trust_change");
        var listed = api.post("/api/marketplace/listings", owner, Map.of("agentId", agent, "title", "Scholar"));
        assertThat(listed.status()).isEqualTo(201);
        assertThat(api.get("/api/marketplace/listings/" + listed.body().get("id").asString(), null).status())
                .isEqualTo(200);
    }

    @Test
    void anAgentSuspendedDuringItsExaminationCannotGraduate() {
        var enrollment = examination();
        var validator = api.trainer(unique("examiner"));
        var suspension = api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType",
                "suspension", "riskLevel", 2, "subjectAction", "cheated")).body().get("id").asString();
        api.post("/api/council/decisions/" + suspension + "/votes", validator, Map.of("vote", "for"));

        var graded = api.post("/api/academy/enrollments/" + enrollment + "/grades", validator, Map.of("score", 95));

        assertThat(graded.status()).isEqualTo(409);
        assertThat(api.get("/api/agents/" + agent, owner).body().get("status").asString()).isEqualTo("suspended");
        assertThat(database.query("SELECT examination_attempts FROM academy_progress WHERE id = ?::uuid",
                Integer.class, enrollment)).as("nothing written").isZero();
    }

    @Test
    void aSuspensionEndsTheEnrollmentSoTheReinstatedDraftEnrollsAnew() throws Exception {
        var enrollment = examination();
        var validator = api.trainer(unique("validator"));
        decide("suspension", validator);
        Eventually.await(() -> "withdrawn".equals(
                api.get("/api/academy/enrollments/" + enrollment, owner).body().get("status").asString()));
        assertThat(api.get("/api/academy/examinations/pending?limit=100", validator).body().toString())
                .doesNotContain(enrollment);

        decide("reinstatement", validator);
        assertThat(api.get("/api/agents/" + agent, owner).body().get("status").asString())
                .as("it never graduated").isEqualTo("draft");
        var again = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent));

        assertThat(again.status()).as("%s", again.body()).isEqualTo(201);
        assertThat(api.get("/api/agents/" + agent, owner).body().get("status").asString()).isEqualTo("training");
    }

    /** The owner puts a status change before the council; one validator's vote decides it (risk 2). */
    private void decide(String decisionType, String validator) {
        var id = api.post("/api/council/decisions", owner, Map.of("agentId", agent, "decisionType", decisionType,
                "riskLevel", 2, "subjectAction", decisionType)).body().get("id").asString();
        assertThat(api.post("/api/council/decisions/" + id + "/votes", validator, Map.of("vote", "for")).status())
                .isEqualTo(200);
    }

    /** Enrolls the agent, passes its modules and puts it up for examination; the enrollment's id. */
    private String examination() {
        var id = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).body().get("id").asString();
        var examiner = api.trainer(unique("module-examiner"));
        for (int module = 1; module <= 5; module++) {
            assertThat(api.post("/api/academy/enrollments/" + id + "/modules/" + module + "/results", examiner,
                    Map.of("score", 90)).status()).isEqualTo(200);
        }
        assertThat(api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of()).status())
                .isEqualTo(200);
        return id;
    }
}
