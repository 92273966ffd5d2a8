package com.agentanchor.academy;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The academy's walls in the database itself, as the app role acting for a user, past every Java check: nobody
 * writes their own agent's scores, status or history, directly or through the grading functions; only the agent's
 * owner moves its enrollment to examination (once every module is passed) or withdraws it.
 */
@IntegrationTest
class AcademyWallsTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    String ownerToken;
    String owner;
    String examiner;
    String agent;
    String enrollment;

    @BeforeEach
    void anEnrollmentInTraining() {
        api = new Api(port);
        ownerToken = api.trainer(unique("owner"));
        owner = api.profileId(ownerToken);
        examiner = api.profileId(api.trainer(unique("examiner")));
        agent = api.post("/api/agents", ownerToken, Map.of("name", "Walled")).body().get("id").asString();
        enrollment = api.post("/api/academy/enrollments", ownerToken, Map.of("agentId", agent)).body().get("id")
                .asString();
    }

    @Test
    void anOwnerWritesNoScoreStatusOrHistoryOfTheirOwnEnrollmentDirectly() {
        var walls = new LinkedHashMap<String, String>();
        for (var change : List.of("status = 'passed'", "module_scores = '{\"1\": 100}'", "overall_score = 100",
                "completed_modules = '[1, 2, 3, 4, 5]'", "current_module = NULL", "module_results = '[]'",
                "examination_attempts = 0", "last_examination_score = 100", "examination_history = '[]'",
                "graduated_at = now()", "curriculum_type = 'remedial'", "training_config = '{}'")) {
            walls.put("UPDATE " + change, outcome(owner,
                    "UPDATE academy_progress SET " + change + " WHERE id = '" + enrollment + "'"));
        }
        walls.put("DELETE", outcome(owner, "DELETE FROM academy_progress WHERE id = '" + enrollment + "'"));
        walls.put("INSERT with its own status", outcome(owner, "INSERT INTO academy_progress "
                + "(agent_id, curriculum_type, status) VALUES ('" + agent + "', 'remedial', 'passed')"));
        walls.put("INSERT with its own scores", outcome(owner, "INSERT INTO academy_progress "
                + "(agent_id, curriculum_type, module_scores) VALUES ('" + agent + "', 'remedial', '{\"1\": 100}')"));

        walls.forEach((cell, result) -> System.out.printf("academy wall  %-60s %s%n", cell, result));
        assertThat(walls).allSatisfy((cell, result) -> assertThat(result).as(cell).startsWith("refused"));
        assertThat(outcome(owner, "UPDATE academy_progress SET status = 'passed' WHERE id = '" + enrollment + "'"))
                .as("not even the validator policy of old lets it through").startsWith("refused");
    }

    @Test
    void theGradingFunctionsRefuseTheOwnerAndAnyoneWithoutACredential() {
        var stranger = api.profileId(api.token(unique("stranger")));
        for (var actor : List.of(owner, stranger, "")) {
            assertThat(outcome(actor, "SELECT academy_record_module_result('" + enrollment + "', 1, 100, 'mine')"))
                    .as("module result by '%s'", actor).startsWith("refused");
        }
        database.update("UPDATE academy_progress SET status = 'examination' WHERE id = ?::uuid", enrollment);
        for (var actor : List.of(owner, stranger, "")) {
            assertThat(outcome(actor, "SELECT academy_grade_examination('" + enrollment + "', 100, 'mine')"))
                    .as("examination by '%s'", actor).startsWith("refused");
        }
        assertThat(outcome(examiner, "SELECT academy_grade_examination('" + enrollment + "', 100, null)"))
                .as("a credentialed examiner of another's agent").isEqualTo("allowed");
        assertThat(database.query("SELECT status::text FROM academy_progress WHERE id = ?::uuid", String.class,
                enrollment)).as("nothing refused was written").isEqualTo("examination");
    }

    @Test
    void onlyTheOwnerRequestsTheExaminationAndWithdrawsAndOnlyOnceEveryModuleIsPassed() {
        assertThat(outcome(owner, "SELECT academy_request_examination('" + enrollment + "')"))
                .as("no module passed").isEqualTo("conflict: the examination opens once every module is passed; "
                        + "module(s) 1, 2, 3, 4, 5 to go");
        assertThat(outcome(examiner, "SELECT academy_record_module_result('" + enrollment + "', 2, 100, null)"))
                .isEqualTo("conflict: module 1 is next: modules are passed in order");
        passModules();
        assertThat(outcome(examiner, "SELECT academy_request_examination('" + enrollment + "')"))
                .as("a validator is not the owner").startsWith("refused");
        assertThat(outcome(examiner, "SELECT academy_withdraw('" + enrollment + "')")).startsWith("refused");
        assertThat(outcome(owner, "SELECT academy_withdraw('" + enrollment + "')")).isEqualTo("allowed");
        assertThat(outcome(owner, "SELECT academy_request_examination('" + enrollment + "')")).isEqualTo("allowed");
    }

    @Test
    void onlyTheOwnerOfASuspendedOrRetiredAgentEndsItsEnrollmentAtAnyStage() {
        var end = "SELECT academy_end_for_stopped_agent('" + enrollment + "')";
        assertThat(outcome(owner, end)).as("in training").isEqualTo("conflict: agent " + agent
                + " is training; only a suspended or retired agent's enrollment ends at any stage");
        database.update("UPDATE academy_progress SET status = 'examination' WHERE id = ?::uuid", enrollment);
        // Moved in the database alone: the agents module's event, and the academy's answer to it, stay out of this.
        database.update("UPDATE agents SET status = 'suspended' WHERE id = ?::uuid", agent);
        assertThat(outcome(owner, end)).as("suspended, under examination").isEqualTo("allowed");
        database.update("UPDATE agents SET status = 'retired', retired_at = now() WHERE id = ?::uuid", agent);

        assertThat(outcome(examiner, end)).as("a validator is not the owner").startsWith("refused");
        assertThat(outcome(api.profileId(api.token(unique("stranger"))), end)).startsWith("refused");
        assertThat(outcome(owner, end)).as("under examination").isEqualTo("allowed");
        database.update("UPDATE academy_progress SET status = 'passed' WHERE id = ?::uuid", enrollment);
        assertThat(outcome(owner, end)).as("over").isEqualTo("conflict: enrollment " + enrollment
                + " is passed; it is over already");
    }

    @Test
    void anAgentHasOneOpenEnrollment() {
        var second = outcome(owner, "INSERT INTO academy_progress (agent_id, curriculum_type) VALUES ('" + agent
                + "', 'remedial')");

        assertThat(second).contains("academy_progress_one_open_per_agent");
    }

    /** Grades every module 100 as the examiner, committed. */
    private void passModules() {
        for (int module = 1; module <= 5; module++) {
            var path = "/api/academy/enrollments/" + enrollment + "/modules/" + module + "/results";
            assertThat(api.post(path, api.trainer(unique("grader")), Map.of("score", 100)).status()).isEqualTo(200);
        }
    }

    /** Runs {@code sql} as the app role acting for {@code actor}, rolled back: allowed, refused, or a conflict. */
    private String outcome(String actor, String sql) {
        try {
            appRole.actingFor(actor, jdbc -> {
                jdbc.execute(sql);
                return null;
            });
            return "allowed";
        } catch (DataAccessException e) {
            var cause = e.getMostSpecificCause();
            var state = cause instanceof SQLException refused ? refused.getSQLState() : "";
            var message = cause.getMessage().replaceFirst("^ERROR: ", "").replaceAll("(?s)\\s*(Where|Detail):.*", "");
            return switch (state) {
                case "42501" -> "refused: " + message;
                case "23514" -> "conflict: " + message;
                default -> "failed: " + message;
            };
        }
    }
}
