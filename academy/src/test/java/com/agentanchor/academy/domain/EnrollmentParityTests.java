package com.agentanchor.academy.domain;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.agentanchor.support.Api;
import com.agentanchor.support.AppRoleDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Enrollment}'s moves and their SQL twins agree: {@code recordModuleResult} with
 * {@code academy_record_module_result} and {@code grade} with {@code academy_grade_examination} (as a validator),
 * {@code requestExamination} with {@code academy_request_examination} and {@code withdraw} with
 * {@code academy_withdraw} (as the owner): the same outcomes along every curriculum at its pass marks, and the same
 * refusals from every status. Each walk runs as the app role in one transaction that is rolled back.
 */
@IntegrationTest
class EnrollmentParityTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.now();

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    AppRoleDatabase appRole;

    Api api;
    String ownerToken;
    String owner;
    String validator;

    @BeforeEach
    void anOwnerAndAValidator() {
        api = new Api(port);
        ownerToken = api.token(unique("owner"));
        owner = api.profileId(ownerToken);
        validator = api.profileId(api.trainer(unique("validator")));
    }

    @Test
    void everyCurriculumIsWalkedAlikeFailingAndPassingAtEachPassMark() {
        for (var curriculum : Curricula.all()) {
            var id = enroll(curriculum.type());
            var start = Enrollment.begin(UUID.fromString(id), UUID.randomUUID(), curriculum.type(), NOW);
            for (var finalScore : List.of(curriculum.examinationPassMark() - 1, curriculum.examinationPassMark())) {
                appRole.actingFor(validator, jdbc -> {
                    var java = start;
                    for (var module : curriculum.modules()) {
                        for (var score : List.of(module.passMark() - 1, module.passMark())) {
                            java = java.recordModuleResult(module.number(), score, null, null, NOW);
                            assertSame(java, call(jdbc, validator, "academy_record_module_result(?::uuid, ?, ?, NULL)",
                                    id, module.number(), score), curriculum.type() + " module " + module.number()
                                            + " scored " + score);
                        }
                    }
                    for (int attempt = 1; attempt <= Examination.MAX_ATTEMPTS; attempt++) {
                        java = java.requestExamination();
                        assertSame(java, call(jdbc, owner, "academy_request_examination(?::uuid)", id),
                                curriculum.type() + " examination requested");
                        java = java.grade(new Examination(finalScore, null), null, NOW);
                        assertSame(java, call(jdbc, validator, "academy_grade_examination(?::uuid, ?, NULL)", id,
                                finalScore), curriculum.type() + " examination " + attempt + " scored " + finalScore);
                        if (!java.status().mayRequestExamination()) {
                            break;
                        }
                    }
                    assertThat(java.status()).isEqualTo(finalScore == curriculum.examinationPassMark()
                            ? EnrollmentStatus.passed : EnrollmentStatus.failed);
                    return null;
                });
            }
        }
    }

    @Test
    void everyMoveIsRefusedAlikeFromEveryStatus() {
        var id = enroll(CurriculumType.remedial);
        var begun = Enrollment.begin(UUID.fromString(id), UUID.randomUUID(), CurriculumType.remedial, NOW);
        var done = begun.recordModuleResult(1, 100, null, null, NOW).recordModuleResult(2, 100, null, null, NOW);
        List<Move> moves = List.of(
                new Move("module result", validator, "academy_record_module_result(?::uuid, 1, 90, NULL)",
                        e -> e.recordModuleResult(1, 90, null, null, NOW)),
                new Move("examination request", owner, "academy_request_examination(?::uuid)",
                        Enrollment::requestExamination),
                new Move("grade", validator, "academy_grade_examination(?::uuid, 90, NULL)",
                        e -> e.grade(new Examination(90, null), null, NOW)),
                new Move("withdrawal", owner, "academy_withdraw(?::uuid)", e -> e.withdraw(NOW)));
        for (var progress : List.of(begun, done)) {
            for (var status : EnrollmentStatus.values()) {
                database.update("UPDATE academy_progress SET status = ?::academy_status, current_module = ?, "
                        + "completed_modules = ?::jsonb WHERE id = ?::uuid", status.name(), progress.currentModule(),
                        progress.completedModules().toString(), id);
                var java = with(progress, status);
                for (var move : moves) {
                    boolean javaAllows;
                    try {
                        move.java().apply(java);
                        javaAllows = true;
                    } catch (IllegalStateException e) {
                        javaAllows = false;
                    }
                    assertThat(allowed(move, id)).as("%s from %s with modules %s", move.name(), status,
                            progress.completedModules()).isEqualTo(javaAllows);
                }
            }
        }
    }

    record Move(String name, String actor, String function, UnaryOperator<Enrollment> java) {
    }

    private boolean allowed(Move move, String id) {
        return appRole.actingFor(move.actor(), jdbc -> {
            try {
                jdbc.queryForList("SELECT status FROM " + move.function(), id);
                return true;
            } catch (DataAccessException e) {
                if (!(e.getMostSpecificCause() instanceof java.sql.SQLException refused)
                        || !"23514".equals(refused.getSQLState())) {
                    throw e;
                }
                return false;
            }
        });
    }

    private String enroll(CurriculumType curriculum) {
        var agent = api.post("/api/agents", ownerToken, Map.of("name", "Parity")).body().get("id").asString();
        return api.post("/api/academy/enrollments", ownerToken, Map.of("agentId", agent, "curriculumType",
                curriculum.name())).body().get("id").asString();
    }

    /** Calls a function acting for {@code actor} inside the walk's transaction; the row it returned. */
    private static Map<String, Object> call(JdbcTemplate jdbc, String actor, String function, Object... args) {
        jdbc.queryForObject("SELECT set_config('app.current_user_id', ?, true)", String.class, actor);
        return jdbc.queryForMap("SELECT status::text, current_module, completed_modules::text, module_scores::text, "
                + "overall_score, module_results::text, examination_attempts, last_examination_score, "
                + "examination_history::text, completed_at, graduated_at FROM " + function, args);
    }

    private static void assertSame(Enrollment java, Map<String, Object> sql, String step) {
        assertThat(sql.get("status")).as("%s: status", step).isEqualTo(java.status().name());
        assertThat(sql.get("current_module")).as("%s: current module", step).isEqualTo(java.currentModule());
        assertThat(ints(sql.get("completed_modules"))).as("%s: completed", step)
                .isEqualTo(java.completedModules());
        assertThat(scores(sql.get("module_scores"))).as("%s: scores", step).isEqualTo(java.moduleScores());
        assertThat(decimal(sql.get("overall_score"))).as("%s: overall", step).isEqualTo(decimal(java.overallScore()));
        assertThat(verdicts(sql.get("module_results"), "module")).as("%s: module results", step)
                .isEqualTo(java.moduleResults().stream().map(r -> r.module() + ":" + r.score() + ":" + r.passed())
                        .toList());
        assertThat(sql.get("examination_attempts")).as("%s: attempts", step).isEqualTo(java.examinationAttempts());
        assertThat(decimal(sql.get("last_examination_score"))).as("%s: last score", step)
                .isEqualTo(decimal(java.lastExaminationScore()));
        assertThat(verdicts(sql.get("examination_history"), "attempt")).as("%s: history", step)
                .isEqualTo(java.examinationHistory().stream()
                        .map(a -> a.attempt() + ":" + a.score().intValue() + ":" + a.passed()).toList());
        assertThat(sql.get("completed_at") != null).as("%s: completed", step).isEqualTo(java.completedAt() != null);
        assertThat(sql.get("graduated_at") != null).as("%s: graduated", step).isEqualTo(java.graduatedAt() != null);
    }

    private static List<Integer> ints(Object json) {
        var values = new ArrayList<Integer>();
        JSON.readTree((String) json).forEach(v -> values.add(v.asInt()));
        return values;
    }

    private static Map<Integer, Integer> scores(Object json) {
        var values = new TreeMap<Integer, Integer>();
        JSON.readTree((String) json).properties()
                .forEach(e -> values.put(Integer.valueOf(e.getKey()), e.getValue().asInt()));
        return values;
    }

    private static List<String> verdicts(Object json, String first) {
        var values = new ArrayList<String>();
        JSON.readTree((String) json).forEach(v -> values.add(v.get(first).asInt() + ":" + v.get("score").asInt() + ":"
                + v.get("passed").asBoolean()));
        return values;
    }

    private static String decimal(Object value) {
        return value == null ? null : ((BigDecimal) value).stripTrailingZeros().toPlainString();
    }

    private static Enrollment with(Enrollment e, EnrollmentStatus status) {
        return new Enrollment(e.id(), e.agentId(), e.curriculumType(), status, e.currentModule(),
                e.completedModules(), e.moduleScores(), e.overallScore(), e.moduleResults(), e.examinationAttempts(),
                e.lastExaminationScore(), e.examinationHistory(), e.enrolledAt(), e.startedAt(), e.completedAt(),
                e.graduatedAt());
    }
}
