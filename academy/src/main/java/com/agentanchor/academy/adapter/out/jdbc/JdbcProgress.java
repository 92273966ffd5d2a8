package com.agentanchor.academy.adapter.out.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.academy.application.port.in.EnrollmentNotFound;
import com.agentanchor.academy.application.port.in.NoSuchModule;
import com.agentanchor.academy.application.port.in.NotAnExaminer;
import com.agentanchor.academy.application.port.in.NotReady;
import com.agentanchor.academy.application.port.in.NotYourEnrollment;
import com.agentanchor.academy.application.port.out.Progress;
import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Enrollment;
import com.agentanchor.academy.domain.EnrollmentStatus;
import com.agentanchor.academy.domain.ExaminationAttempt;
import com.agentanchor.academy.domain.ModuleResult;
import com.agentanchor.platform.database.DatabaseRefusal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * JdbcClient, not a Spring Data repository: the app role may only insert an enrollment (its agent and curriculum,
 * by column grant); every later change is a definer function ({@code academy/functions/}) that checks who acts and
 * returns the row it wrote. Their refusals come back as SQL states, turned here into the academy's refusals.
 */
@Repository
class JdbcProgress implements Progress {

    private static final String COLUMNS = """
            id, agent_id, curriculum_type, status, current_module, completed_modules, module_scores, overall_score,
            module_results, examination_attempts, last_examination_score, examination_history, enrolled_at,
            started_at, completed_at, graduated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcProgress(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Enrollment insert(UUID agentId, CurriculumType curriculum) {
        try {
            return jdbc.sql("INSERT INTO academy_progress (agent_id, curriculum_type) VALUES (?, ?::curriculum_type) "
                    + "RETURNING " + COLUMNS).params(agentId, curriculum.name()).query(this::enrollment).single();
        } catch (DuplicateKeyException e) { // academy_progress_one_open_per_agent: a concurrent enrollment
            throw new NotReady("Agent " + agentId + " is enrolled already");
        }
    }

    @Override
    public Optional<Enrollment> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM academy_progress WHERE id = ?").param(id)
                .query(this::enrollment).optional();
    }

    @Override
    public Enrollment recordModuleResult(UUID id, int module, int score, String notes) {
        return call("academy_record_module_result(?, ?, ?, ?)", NotAnExaminer::new, id, module, score, notes);
    }

    @Override
    public Enrollment requestExamination(UUID id) {
        return call("academy_request_examination(?)", NotYourEnrollment::new, id);
    }

    @Override
    public Enrollment gradeExamination(UUID id, int score, String notes) {
        return call("academy_grade_examination(?, ?, ?)", NotAnExaminer::new, id, score, notes);
    }

    @Override
    public Enrollment withdraw(UUID id) {
        return call("academy_withdraw(?)", NotYourEnrollment::new, id);
    }

    @Override
    public Enrollment endForStoppedAgent(UUID id) {
        return call("academy_end_for_stopped_agent(?)", NotYourEnrollment::new, id);
    }

    @Override
    public List<Enrollment> ofAgent(UUID agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM academy_progress WHERE agent_id = ? ORDER BY enrolled_at DESC, id")
                .param(agentId).query(this::enrollment).list();
    }

    @Override
    public List<Enrollment> awaitingExamination(int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM academy_progress WHERE status = 'examination' ORDER BY updated_at, id LIMIT ?")
                .param(limit).query(this::enrollment).list();
    }

    @Override
    public boolean actingUserIsValidator() {
        return jdbc.sql("SELECT is_validator()").query(Boolean.class).single();
    }

    /** Calls a definer function that returns the row it wrote; its refusals say why, its SQL state which kind. */
    private Enrollment call(String function, Function<String, RuntimeException> notAllowed, Object... args) {
        try {
            return jdbc.sql("SELECT " + COLUMNS + " FROM " + function).params(args).query(this::enrollment).single();
        } catch (DataAccessException e) {
            var refused = DatabaseRefusal.of(e, "42501", "23514", "P0002", "22023").orElseThrow(() -> e);
            throw switch (refused.state()) {
                case "42501" -> notAllowed.apply(refused.why());
                case "23514" -> new NotReady(refused.why());
                case "P0002" -> new EnrollmentNotFound(refused.why());
                default -> new NoSuchModule(refused.why());
            };
        }
    }

    private Enrollment enrollment(ResultSet rs, int row) throws SQLException {
        var curriculum = CurriculumType.valueOf(rs.getString("curriculum_type"));
        var currentModule = rs.getObject("current_module", Integer.class);
        return new Enrollment(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class), curriculum,
                EnrollmentStatus.valueOf(rs.getString("status")), currentModule,
                completedModules(tree(rs, "completed_modules")), moduleScores(tree(rs, "module_scores")),
                rs.getBigDecimal("overall_score"), moduleResults(tree(rs, "module_results")),
                rs.getInt("examination_attempts"), rs.getBigDecimal("last_examination_score"),
                examinationHistory(tree(rs, "examination_history"), curriculum),
                instant(rs, "enrolled_at"), instant(rs, "started_at"), instant(rs, "completed_at"),
                instant(rs, "graduated_at"));
    }

    private JsonNode tree(ResultSet rs, String column) throws SQLException {
        var text = rs.getString(column);
        return text == null ? MissingNode.getInstance() : json.readTree(text);
    }

    private static List<Integer> completedModules(JsonNode array) {
        var modules = new ArrayList<Integer>();
        array.forEach(m -> modules.add(m.asInt()));
        return modules;
    }

    /** The origin's {@code Record<string, number>}: module number to its latest score. */
    private static Map<Integer, Integer> moduleScores(JsonNode object) {
        var scores = new TreeMap<Integer, Integer>();
        if (object.isObject()) {
            object.properties().forEach(e -> scores.put(Integer.valueOf(e.getKey()), e.getValue().asInt()));
        }
        return scores;
    }

    private static List<ModuleResult> moduleResults(JsonNode array) {
        var results = new ArrayList<ModuleResult>();
        array.forEach(r -> results.add(new ModuleResult(r.path("module").asInt(), r.path("score").asInt(),
                r.path("passed").asBoolean(), uuid(r.path("examinerId")), text(r.path("notes")), date(r, "date"))));
        return results;
    }

    /**
     * The origin's {@code [{attempt, score, date, passed}]} with the examiner and notes beside them. Attempts graded
     * before curricula were built carry {@code at} for the date and no attempt number or verdict: those follow
     * from their position and the curriculum's examination pass mark.
     */
    private static List<ExaminationAttempt> examinationHistory(JsonNode array, CurriculumType curriculum) {
        var history = new ArrayList<ExaminationAttempt>();
        array.forEach(a -> {
            var score = new BigDecimal(a.path("score").asString("0"));
            var passed = a.has("passed") ? a.get("passed").asBoolean()
                    : curriculum.curriculum().examinationPassedWith(score.intValue());
            history.add(new ExaminationAttempt(a.has("attempt") ? a.get("attempt").asInt() : history.size() + 1, score,
                    passed, a.has("date") ? date(a, "date") : date(a, "at"), uuid(a.path("examinerId")),
                    text(a.path("notes"))));
        });
        return history;
    }

    private static UUID uuid(JsonNode node) {
        return node.isString() && !node.asString().isEmpty() ? UUID.fromString(node.asString()) : null;
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isEmpty() ? node.asString() : null;
    }

    private static Instant date(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() ? OffsetDateTime.parse(value.asString()).toInstant() : null;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
