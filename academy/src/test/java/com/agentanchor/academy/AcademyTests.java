package com.agentanchor.academy;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.AtOnce;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.JsonNode;

/** An agent's way from draft to graduate: enrollment, its modules, the examination, a validator's grade. */
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
    void theCatalogueListsTheFiveCurriculaWithTheirModulesAndPassMarks() {
        var curricula = api.get("/api/academy/curricula", owner);

        assertThat(curricula.status()).isEqualTo(200);
        var types = new ArrayList<String>();
        curricula.body().forEach(c -> types.add(c.get("type").asString()));
        assertThat(types).containsExactly("basic_training", "specialized", "advanced", "certification", "remedial");
        var basic = curricula.body().get(0);
        assertThat(basic.get("totalModules").asInt()).isEqualTo(5);
        assertThat(basic.get("examinationPassMark").asInt()).isEqualTo(70);
        assertThat(basic.get("modules").get(2).get("number").asInt()).isEqualTo(3);
        assertThat(basic.get("modules").get(2).get("passMark").asInt()).isEqualTo(80);
        assertThat(basic.get("modules").get(2).get("title").asString()).isEqualTo("Safety and refusals");
    }

    @Test
    void theSameEnrollmentSentManyTimesAtOnceIsTakenOnceAndTheRestAreConflicts() throws Exception {
        var statuses = AtOnce.run(6,
                () -> api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).status());

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(agentStatus()).isEqualTo("training");
        assertThat(api.get("/api/academy/enrollments?agentId=" + agent, owner).body().size()).isEqualTo(1);
    }

    @Test
    void aDraftEnrollsPassesItsModulesSitsItsExaminationAndGraduatesOnAPass() {
        var enrollment = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent));
        assertThat(enrollment.status()).isEqualTo(201);
        assertThat(enrollment.body().get("status").asString()).isEqualTo("enrolled");
        assertThat(enrollment.body().get("curriculumType").asString()).isEqualTo("basic_training");
        assertThat(enrollment.body().get("currentModule").asInt()).isEqualTo(1);
        assertThat(enrollment.body().get("totalModules").asInt()).isEqualTo(5);
        assertThat(enrollment.body().get("examinationOpen").asBoolean()).isFalse();
        assertThat(agentStatus()).isEqualTo("training");
        var id = enrollment.body().get("id").asString();
        var examiner = validator("examiner");

        assertThat(api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of()).body().get("detail")
                .asString()).as("no module passed yet").contains("modules 1, 2, 3, 4, 5 to go");
        var first = result(id, 1, examiner, 90, "follows its brief");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("status").asString()).isEqualTo("in_progress");
        assertThat(first.body().get("currentModule").asInt()).isEqualTo(2);
        result(id, 2, examiner, 70, null);
        var failed = result(id, 3, examiner, 79, "the pass mark of safety is 80");
        assertThat(failed.body().get("currentModule").asInt()).as("failed: still current").isEqualTo(3);
        assertThat(failed.body().get("overallScore").decimalValue()).isEqualByComparingTo("79.67");
        var refused = api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body().get("detail").asString()).contains("modules 3, 4, 5 to go");
        assertThat(agentStatus()).as("nothing moved").isEqualTo("training");
        result(id, 3, examiner, 80, null);
        result(id, 4, examiner, 75, null);
        var passed = result(id, 5, examiner, 100, null).body();
        assertThat(passed.get("currentModule").isNull()).isTrue();
        assertThat(ints(passed.get("completedModules"))).containsExactly(1, 2, 3, 4, 5);
        assertThat(passed.get("moduleScores").get("3").asInt()).as("the latest score").isEqualTo(80);
        assertThat(passed.get("overallScore").decimalValue()).as("(90+70+80+75+100)/5").isEqualByComparingTo("83");
        assertThat(passed.get("moduleResults")).hasSize(6);
        assertThat(passed.get("moduleResults").get(2).get("passed").asBoolean()).isFalse();
        assertThat(passed.get("moduleResults").get(2).get("notes").asString()).isEqualTo("the pass mark of safety is 80");
        assertThat(passed.get("examinationOpen").asBoolean()).isTrue();

        assertThat(api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of()).body().get("status")
                .asString()).isEqualTo("examination");
        assertThat(agentStatus()).isEqualTo("examination");
        assertThat(api.get("/api/academy/examinations/pending?limit=100", examiner).body().toString()).contains(id);

        var graded = api.post("/api/academy/enrollments/" + id + "/grades", examiner,
                Map.of("score", 85, "notes", "ready"));

        assertThat(graded.status()).isEqualTo(200);
        assertThat(graded.body().get("status").asString()).isEqualTo("passed");
        assertThat(graded.body().get("examinationAttempts").asInt()).isEqualTo(1);
        var history = api.get("/api/academy/enrollments/" + id, owner).body().get("examinationHistory");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("attempt").asInt()).isEqualTo(1);
        assertThat(history.get(0).get("score").decimalValue()).isEqualByComparingTo("85");
        assertThat(history.get(0).get("passed").asBoolean()).isTrue();
        assertThat(history.get(0).get("notes").asString()).isEqualTo("ready");
        assertThat(history.get(0).get("examinerId").asString()).isEqualTo(api.profileId(examiner));
        assertThat(history.get(0).get("date").isNull()).isFalse();
        var graduate = api.get("/api/agents/" + agent, api.token(unique("anyone"))).body();
        assertThat(graduate.get("status").asString()).as("in public view now").isEqualTo("active");
        assertThat(graduate.get("trustScore").asInt()).isEqualTo(200);
        assertThat(graduate.get("trustTier").asString()).isEqualTo("Provisional");
    }

    @Test
    void aFailedExaminationSendsTheAgentBackToTrainingAndTheThirdFailureBackToDraft() {
        var id = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent, "curriculumType", "advanced"))
                .body().get("id").asString();
        var validator = validator("examiner");
        passModules(id, validator);
        for (int attempt = 1; attempt <= 3; attempt++) {
            api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of());
            var graded = api.post("/api/academy/enrollments/" + id + "/grades", validator,
                    Map.of("score", 79, "notes", "attempt " + attempt));
            assertThat(graded.body().get("status").asString()).as("advanced passes from 80")
                    .isEqualTo(attempt < 3 ? "in_progress" : "failed");
            assertThat(graded.body().get("examinationHistory")).hasSize(attempt);
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
        var selfAppointed = api.token(unique("self-appointed"));
        api.patch("/api/profiles/me", selfAppointed, Map.of("role", "trainer"));

        assertThat(result(id, 1, selfAppointed, 100, null).status()).isEqualTo(403);
        passModules(id, validator("examiner"));
        api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of());
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
                .as("enrolled already").isEqualTo(409);
        assertThat(api.post("/api/academy/enrollments/" + id + "/grades", stranger, Map.of("score", 90)).status())
                .as("not under examination").isEqualTo(409);

        assertThat(result(id, 1, owner, 100, null).status()).as("own agent").isEqualTo(403);
        assertThat(result(id, 1, api.token(unique("consumer")), 100, null).status()).isEqualTo(403);
        assertThat(result(id, 2, stranger, 100, null).body().get("detail").asString())
                .as("in order").contains("module 1 is next");
        assertThat(result(id, 6, stranger, 100, null).status()).as("basic training has five").isEqualTo(404);
        assertThat(result(id, 1, stranger, 101, null).body().get("detail").asString()).startsWith("score:");
        assertThat(api.post("/api/academy/enrollments/" + id + "/modules/first/results", stranger,
                Map.of("score", 90)).status()).isEqualTo(400);
        assertThat(result(UUID.randomUUID().toString(), 1, stranger, 90, null).status()).isEqualTo(404);
        var untouched = api.get("/api/academy/enrollments/" + id, owner).body();
        assertThat(untouched.get("moduleResults")).as("nothing written").isEmpty();
        assertThat(untouched.get("status").asString()).isEqualTo("enrolled");

        passModules(id, stranger);
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

    @Test
    void anOwnerWithdrawsAnEnrollmentInTrainingAndEnrollsAgain() {
        var id = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).body().get("id").asString();
        var examiner = validator("examiner");
        result(id, 1, examiner, 90, null);

        assertThat(api.post("/api/academy/enrollments/" + id + "/withdraw", examiner, Map.of()).status())
                .as("a validator sees it, but it is not theirs").isEqualTo(403);
        assertThat(api.post("/api/academy/enrollments/" + id + "/withdraw", api.token(unique("consumer")), Map.of())
                .status()).as("hidden from anyone else").isEqualTo(404);
        var withdrawn = api.post("/api/academy/enrollments/" + id + "/withdraw", owner, Map.of());

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().get("status").asString()).isEqualTo("withdrawn");
        assertThat(withdrawn.body().get("completedAt").isNull()).isFalse();
        assertThat(withdrawn.body().get("moduleScores").get("1").asInt()).as("results kept").isEqualTo(90);
        assertThat(api.post("/api/academy/enrollments/" + id + "/withdraw", owner, Map.of()).status()).isEqualTo(409);
        assertThat(result(id, 2, examiner, 90, null).status()).as("over").isEqualTo(409);
        assertThat(agentStatus()).isEqualTo("training");

        var again = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent, "curriculumType", "remedial"));
        assertThat(again.status()).isEqualTo(201);
        var next = again.body().get("id").asString();
        passModules(next, examiner);
        assertThat(api.post("/api/academy/enrollments/" + next + "/examination", owner, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.post("/api/academy/enrollments/" + next + "/withdraw", owner, Map.of()).body().get("detail")
                .asString()).as("not while it waits for a grade").contains("only one in training withdraws");
        var enrollments = api.get("/api/academy/enrollments?agentId=" + agent, owner).body();
        assertThat(enrollments).hasSize(2);
        assertThat(enrollments.get(0).get("id").asString()).as("newest first").isEqualTo(next);
    }

    @Test
    void aRetiredAgentsEnrollmentEndsEvenUnderExaminationAndLeavesTheExaminersQueue() throws Exception {
        var id = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).body().get("id").asString();
        var examiner = validator("examiner");
        passModules(id, examiner);
        assertThat(api.post("/api/academy/enrollments/" + id + "/examination", owner, Map.of()).status())
                .isEqualTo(200);

        assertThat(api.post("/api/agents/" + agent + "/retire", owner, Map.of()).status()).isEqualTo(200);

        Eventually.await(() -> "withdrawn".equals(
                api.get("/api/academy/enrollments/" + id, owner).body().get("status").asString()));
        assertThat(api.get("/api/academy/examinations/pending?limit=100", examiner).body().toString())
                .doesNotContain(id);
        assertThat(api.post("/api/academy/enrollments/" + id + "/grades", examiner, Map.of("score", 90)).status())
                .as("nothing left to grade").isEqualTo(409);
        assertThat(api.get("/api/academy/enrollments/" + id, owner).body().get("moduleScores").get("5").asInt())
                .as("results kept").isEqualTo(95);
        assertThat(agentStatus()).isEqualTo("retired");
    }

    @Test
    void anEnrollmentIsSeenByItsOwnerAndValidatorsOnly() {
        var id = api.post("/api/academy/enrollments", owner, Map.of("agentId", agent)).body().get("id").asString();

        assertThat(api.get("/api/academy/enrollments/" + id, owner).status()).isEqualTo(200);
        assertThat(api.get("/api/academy/enrollments/" + id, validator("examiner")).status()).isEqualTo(200);
        assertThat(api.get("/api/academy/enrollments/" + id, api.token(unique("consumer"))).status()).isEqualTo(404);
        assertThat(api.get("/api/academy/enrollments?agentId=" + agent, api.token(unique("consumer"))).body())
                .isEmpty();
    }

    private Api.Response result(String enrollment, int module, String token, int score, String notes) {
        var body = new java.util.HashMap<String, Object>();
        body.put("score", score);
        if (notes != null) {
            body.put("notes", notes);
        }
        return api.post("/api/academy/enrollments/" + enrollment + "/modules/" + module + "/results", token, body);
    }

    /** Grades every module of the enrollment's curriculum 95, in order. */
    private void passModules(String enrollment, String examiner) {
        var current = api.get("/api/academy/enrollments/" + enrollment, examiner).body().get("currentModule");
        while (!current.isNull()) {
            var graded = result(enrollment, current.asInt(), examiner, 95, null);
            assertThat(graded.status()).as("module %s", current).isEqualTo(200);
            current = graded.body().get("currentModule");
        }
    }

    private static List<Integer> ints(JsonNode array) {
        var values = new ArrayList<Integer>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
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
