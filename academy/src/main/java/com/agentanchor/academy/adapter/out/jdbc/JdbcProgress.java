package com.agentanchor.academy.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.academy.application.port.out.Progress;
import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Enrollment;
import com.agentanchor.academy.domain.EnrollmentStatus;
import com.agentanchor.academy.domain.Examination;

import tools.jackson.databind.json.JsonMapper;

/**
 * JdbcClient, not a Spring Data repository: rows are locked for the grade ({@code FOR UPDATE}, which also applies
 * the update policy), the examination history is appended in SQL, and statuses are PostgreSQL enums.
 */
@Repository
class JdbcProgress implements Progress {

    private static final String COLUMNS = """
            id, agent_id, curriculum_type, status, examination_attempts, last_examination_score, enrolled_at,
            graduated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcProgress(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Enrollment insert(UUID agentId, CurriculumType curriculum) {
        return jdbc.sql("""
                INSERT INTO academy_progress (agent_id, curriculum_type, started_at)
                VALUES (?, ?::curriculum_type, now())
                RETURNING""" + " " + COLUMNS)
                .params(agentId, curriculum.name()).query(this::enrollment).single();
    }

    @Override
    public Optional<Enrollment> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM academy_progress WHERE id = ?").param(id)
                .query(this::enrollment).optional();
    }

    @Override
    public Optional<Enrollment> lock(UUID id) {
        // FOR UPDATE applies the UPDATE policies: the owner's rows, and a validator's rows under examination.
        return jdbc.sql("SELECT " + COLUMNS + " FROM academy_progress WHERE id = ? FOR UPDATE").param(id)
                .query(this::enrollment).optional();
    }

    @Override
    public Enrollment markExamination(UUID id) {
        return jdbc.sql("UPDATE academy_progress SET status = 'examination' WHERE id = ? RETURNING " + COLUMNS)
                .param(id).query(this::enrollment).single();
    }

    @Override
    public Enrollment recordExamination(Enrollment graded, UUID examiner, Examination examination) {
        var status = graded.status().name();
        var attempt = json.writeValueAsString(Map.of("score", examination.score(), "examinerId", examiner.toString(),
                "notes", examination.notes() == null ? "" : examination.notes()));
        return jdbc.sql("""
                UPDATE academy_progress
                   SET examination_attempts = ?,
                       last_examination_score = ?,
                       examination_history = coalesce(examination_history, '[]') || jsonb_build_array(
                           ?::jsonb || jsonb_build_object('at', now())),
                       status = ?::academy_status,
                       completed_at = CASE WHEN ? <> 'in_progress' THEN now() END,
                       graduated_at = CASE WHEN ? = 'passed' THEN now() END
                 WHERE id = ?
                RETURNING""" + " " + COLUMNS)
                .params(graded.examinationAttempts(), examination.score(), attempt, status, status, status, graded.id())
                .query(this::enrollment).single();
    }

    @Override
    public List<Enrollment> ofAgent(UUID agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM academy_progress WHERE agent_id = ? ORDER BY enrolled_at DESC")
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

    private Enrollment enrollment(ResultSet rs, int row) throws SQLException {
        var graduated = rs.getObject("graduated_at", OffsetDateTime.class);
        return new Enrollment(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                CurriculumType.valueOf(rs.getString("curriculum_type")),
                EnrollmentStatus.valueOf(rs.getString("status")),
                rs.getInt("examination_attempts"), rs.getBigDecimal("last_examination_score"),
                rs.getObject("enrolled_at", OffsetDateTime.class).toInstant(),
                graduated == null ? null : graduated.toInstant());
    }
}
