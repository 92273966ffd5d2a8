package com.agentanchor.academy;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/** An agent's way from draft to graduate: enrollment, examination, a validator's grade. */
@IntegrationTest
class AcademyTests {

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
        owner = validator("owner");
        agent = api.post("/api/agents", owner, Map.of("name", "Scholar")).body().get("id").asString();
    }

    @Test
    void aDraftEnrollsSitsItsExaminationAndGraduatesOnAPass() {
        var enrollment = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent));
        assertThat(enrollment.status()).isEqualTo(201);
        assertThat(enrollment.body().get("status").asString()).isEqualTo("enrolled");
        assertThat(enrollment.body().get("curriculumType").asString()).isEqualTo("basic_training");
        assertThat(agentStatus()).isEqualTo("training");
        var id = enrollment.body().get("id").asString();

        assertThat(api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of()).body().get("status")
                .asString()).isEqualTo("examination");
        assertThat(agentStatus()).isEqualTo("examination");
        var validator = validator("examiner");
        assertThat(api.get("/api/academy/examinations/pending?limit=100", validator).body().toString()).contains(id);

        var graded = api.post("/api/academy/enrollments/" + id + "/grades", validator, Map.of("score", 85));

        assertThat(graded.status()).isEqualTo(200);
        assertThat(graded.body().get("status").asString()).isEqualTo("passed");
        assertThat(graded.body().get("examinationAttempts").asInt()).isEqualTo(1);
        var graduate = api.get("/api/agents/" + agent, api.token(unique("anyone"))).body();
        assertThat(graduate.get("status").asString()).as("in public view now").isEqualTo("active");
        assertThat(graduate.get("graduatedAt").isNull()).isFalse();
        assertThat(graduate.get("trustScore").asInt()).isEqualTo(200);
        assertThat(graduate.get("trustTier").asString()).isEqualTo("Provisional");
    }

    @Test
    void aFailedExaminationSendsTheAgentBackToTrainingAndTheThirdFailureBackToDraft() {
        var id = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent, "curriculumType", "advanced"))
                .body().get("id").asString();
        var validator = validator("examiner");
        for (int attempt = 1; attempt <= 3; attempt++) {
            api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of());
            var graded = api.post("/api/academy/enrollments/" + id + "/grades", validator,
                    Map.of("score", 40, "notes", "attempt " + attempt));
            assertThat(graded.body().get("status").asString()).isEqualTo(attempt < 3 ? "in_progress" : "failed");
            assertThat(agentStatus()).isEqualTo(attempt < 3 ? "training" : "draft");
        }
        assertThat(api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of()).status())
                .as("a failed enrollment is over").isEqualTo(409);
        assertThat(api.post("/api/academy/enrollments", owner, Map.of("agentId", agent, "curriculumType", "remedial"))
                .status()).as("the draft may enroll anew").isEqualTo(201);
        assertThat(database.query("SELECT jsonb_array_length(examination_history) FROM academy_progress "
                + "WHERE id = ?::uuid", Integer.class, id)).isEqualTo(3);
        assertThat(trustScore()).isEqualTo(100);
    }

    @Test
    void aTrainerByTheirOwnChoiceOfRoleDoesNotGrade() {
        var id = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).body().get("id").asString();
        api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of());
        var selfAppointed = api.token(unique("self-appointed"));
        api.patch("/api/profiles/me", selfAppointed, Map.of("role", "trainer"));

        var graded = api.post("/api/academy/enrollments/" + id + "/grades", selfAppointed, Map.of("score", 100));

        assertThat(graded.status()).isEqualTo(403);
        assertThat(agentStatus()).as("not graduated").isEqualTo("examination");
    }

    @Test
    void onlyOwnersEnrollAndOnlyOtherValidatorsGrade() {
        var stranger = validator("stranger");
        assertThat(api.post("/api/academy/enrollments", stranger, Map.of("agentId", agent)).status()).isEqualTo(404);
        assertThat(api.post("/api/academy/enrollments", owner, Map.of("agentId", agent, "curriculumType", "yoga"))
                .body().get("detail").asString()).startsWith("curriculumType:");
        var id = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).body().get("id").asString();
        assertThat(api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).status())
                .as("not a draft any more").isEqualTo(409);
        assertThat(api.post("/api/academy/enrollments/" + id + "/grades", stranger, Map.of("score", 90)).status())
                .as("not under examination").isEqualTo(409);
        api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of());

        assertThat(api.post("/api/academy/enrollments/" + id + "/grades", owner, Map.of("score", 100)).status())
                .as("own agent").isEqualTo(403);
        assertThat(api.post("/api/academy/enrollments/" + id + "/grades", api.token(unique("consumer")),
                Map.of("score", 100)).status()).isEqualTo(403);
        assertThat(api.post("/api/academy/enrollments/" + id + "/grades", stranger, Map.of("score", 101)).body()
                .get("detail").asString()).startsWith("score:");
        assertThat(api.post("/api/academy/enrollments/" + UUID.randomUUID() + "/grades", stranger,
                Map.of("score", 90)).status()).isEqualTo(404);
        assertThat(agentStatus()).isEqualTo("examination");
        assertThat(trustScore()).isEqualTo(100);
    }


    private String agentStatus() {
        return api.get("/api/agents/" + agent, owner).body().get("status").asString();
    }

    /** A new trainer: on the council, so a validator of everyone else's agents. */
    private String validator(String name) {
        return api.trainer(unique(name));
    }

    private int trustScore() {
        return api.get("/api/agents/" + agent, owner).body().get("trustScore").asInt();
    }
}
