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

import com.agentanchor.academy.application.port.in.EnrollmentView;
import com.agentanchor.academy.application.port.out.Progress;
import com.agentanchor.academy.domain.CurriculumType;
import com.agentanchor.academy.domain.Examination;

import tools.jackson.databind.json.JsonMapper;

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
    public EnrollmentView insert(UUID agentId, CurriculumType curriculum) {
        return jdbc.sql("""
                INSERT INTO academy_progress (agent_id, curriculum_type, started_at)
                VALUES (?, ?::curriculum_type, now())
                RETURNING""" + " " + COLUMNS)
                .params(agentId, curriculum.name()).query(this::enrollment).single();
    }

    @Override
    public Optional<EnrollmentView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM academy_progress WHERE id = ?").param(id)
                .query(this::enrollment).optional();
    }

    @Override
    public Optional<EnrollmentView> lock(UUID id) {
        // FOR UPDATE applies the UPDATE policies: the owner's rows, and a validator's rows under examination.
        return jdbc.sql("SELECT " + COLUMNS + " FROM academy_progress WHERE id = ? FOR UPDATE").param(id)
                .query(this::enrollment).optional();
    }

    @Override
    public EnrollmentView markExamination(UUID id) {
        return jdbc.sql("UPDATE academy_progress SET status = 'examination' WHERE id = ? RETURNING " + COLUMNS)
                .param(id).query(this::enrollment).single();
    }

    @Override
    public EnrollmentView recordExamination(UUID id, UUID examiner, Examination examination, String status) {
        var attempt = json.writeValueAsString(Map.of("score", examination.score(), "examinerId", examiner.toString(),
                "notes", examination.notes() == null ? "" : examination.notes()));
        return jdbc.sql("""
                UPDATE academy_progress
                   SET examination_attempts = coalesce(examination_attempts, 0) + 1,
                       last_examination_score = ?,
                       examination_history = coalesce(examination_history, '[]') || jsonb_build_array(
                           ?::jsonb || jsonb_build_object('at', now())),
                       status = ?::academy_status,
                       completed_at = CASE WHEN ? <> 'in_progress' THEN now() END,
                       graduated_at = CASE WHEN ? = 'passed' THEN now() END
                 WHERE id = ?
                RETURNING""" + " " + COLUMNS)
                .params(examination.score(), attempt, status, status, status, id)
                .query(this::enrollment).single();
    }

    @Override
    public List<EnrollmentView> ofAgent(UUID agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM academy_progress WHERE agent_id = ? ORDER BY enrolled_at DESC")
                .param(agentId).query(this::enrollment).list();
    }

    @Override
    public List<EnrollmentView> awaitingExamination(int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM academy_progress WHERE status = 'examination' ORDER BY updated_at, id LIMIT ?")
                .param(limit).query(this::enrollment).list();
    }

    @Override
    public boolean actingUserIsValidator() {
        return jdbc.sql("SELECT is_validator()").query(Boolean.class).single();
    }

    private EnrollmentView enrollment(ResultSet rs, int row) throws SQLException {
        var graduated = rs.getObject("graduated_at", OffsetDateTime.class);
        return new EnrollmentView(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                CurriculumType.valueOf(rs.getString("curriculum_type")), rs.getString("status"),
                rs.getInt("examination_attempts"), rs.getBigDecimal("last_examination_score"),
                rs.getObject("enrolled_at", OffsetDateTime.class).toInstant(),
                graduated == null ? null : graduated.toInstant());
    }
}
