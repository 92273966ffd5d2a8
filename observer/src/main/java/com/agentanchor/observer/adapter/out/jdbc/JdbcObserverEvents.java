package com.agentanchor.observer.adapter.out.jdbc;

import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.observer.application.port.in.FeedEvent;
import com.agentanchor.observer.application.port.in.RecordedObservation;
import com.agentanchor.observer.application.port.out.ObserverEvents;
import com.agentanchor.observer.domain.AgentReport;
import com.agentanchor.observer.domain.EventSeverity;
import com.agentanchor.observer.domain.FeedCursor;
import com.agentanchor.observer.domain.Observation;

import tools.jackson.databind.json.JsonMapper;

/**
 * JdbcClient, not a Spring Data repository: the log is only ever appended to, once per source event or idempotency
 * key ({@code ON CONFLICT DO NOTHING}), with enum casts, and an agent's batch is one statement.
 */
@Repository
class JdbcObserverEvents implements ObserverEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcObserverEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<RecordedObservation> append(Observation o) {
        // A redelivered source event meets the unique index and returns no row. It wastes a sequence number, a gap
        // like a rolled-back insert's (the feed's cursor never counts on dense numbers), cheaper than looking first.
        return jdbc.sql("""
                INSERT INTO observer_events (source_event_id, event_type, category, severity, subject_type, subject_id,
                                             actor_type, actor_id, title, description, payload, anomaly_score,
                                             flagged)
                VALUES (?, ?, ?::event_category, ?::event_severity, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING id, sequence, created_at""")
                .params(o.sourceEventId(), o.eventType(), o.category().name(), o.severity().name(), o.subjectType(),
                        o.subjectId(), o.actorType(), o.actorId(), o.title(), o.description(),
                        json.writeValueAsString(o.payload()), o.anomalyScore(), o.flagged())
                .query((rs, n) -> new RecordedObservation(rs.getObject("id", UUID.class), rs.getLong("sequence"),
                        instant(rs, "created_at")))
                .optional();
    }

    /**
     * The whole batch travels as one JSON array, unpacked in the database: one round trip and one
     * statement however many reports, each payload passed through as the agent's JSON.
     */
    @Override
    public List<StoredReport> appendReports(UUID agentId, List<AgentReport> reports) {
        return jdbc.sql("""
                INSERT INTO observer_events (event_type, category, severity, subject_type, subject_id, actor_type,
                                             actor_id, title, description, payload, outcome, occurred_at,
                                             idempotency_key, anomaly_score, flagged)
                SELECT r.event_type, 'agent_action', r.severity::event_severity, 'agent', ?, 'agent', ?, r.title,
                       r.description, coalesce(r.payload, '{}'), r.outcome, r.occurred_at, r.idempotency_key,
                       r.anomaly_score, r.anomaly_score > 0
                  FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS e(report, position),
                       jsonb_to_record(e.report) AS r(event_type text, severity text, title text, description text,
                                                      payload jsonb, outcome text, occurred_at timestamptz,
                                                      idempotency_key text, anomaly_score integer)
                 ORDER BY e.position
                ON CONFLICT DO NOTHING
                RETURNING id, sequence, created_at, event_type, severity, title, description, outcome, idempotency_key,
                          anomaly_score""")
                .params(agentId, agentId, batch(reports))
                .query((rs, n) -> new StoredReport(rs.getObject("id", UUID.class), rs.getLong("sequence"),
                        instant(rs, "created_at"), rs.getString("event_type"),
                        EventSeverity.valueOf(rs.getString("severity")), rs.getString("title"),
                        rs.getString("description"), outcome(rs.getString("outcome")), rs.getString("idempotency_key"),
                        rs.getInt("anomaly_score")))
                .list();
    }

    private String batch(List<AgentReport> reports) {
        var out = new StringWriter(reports.size() * 256);
        try (var g = json.createGenerator(out)) {
            g.writeStartArray();
            for (var r : reports) {
                g.writeStartObject();
                g.writeStringProperty("event_type", r.eventType());
                g.writeStringProperty("severity", r.severity().name());
                g.writeStringProperty("title", r.title());
                g.writeStringProperty("description", r.description());
                if (r.payloadJson() != null) {
                    g.writeName("payload");
                    g.writeRawValue(r.payloadJson());
                }
                g.writeStringProperty("outcome", r.outcome() == null ? null : r.outcome().name());
                g.writeStringProperty("occurred_at", r.occurredAt() == null ? null : r.occurredAt().toString());
                g.writeStringProperty("idempotency_key", r.idempotencyKey());
                g.writeNumberProperty("anomaly_score", r.anomalyScore());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    @Override
    public FeedSlice read(FeedFilter filter, FeedCursor after, int limit) {
        // Everything older than the oldest running transaction is final: read no further than that.
        var horizon = jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single();
        var sql = new StringBuilder("""
                SELECT id, sequence, tx::text AS tx_text, event_type, category, severity, subject_type, subject_id,
                       actor_type, actor_id, title, description, coalesce(payload, '{}')::text AS payload, outcome,
                       occurred_at, created_at, anomaly_score, flagged
                  FROM observer_events
                 WHERE tx < ?::xid8""");
        var params = new ArrayList<Object>();
        params.add(horizon);
        if (after != null) {
            sql.append(" AND (tx, sequence) > (?::xid8, ?)");
            params.add(Long.toString(after.tx()));
            params.add(after.sequence());
        }
        if (filter.agentId() != null) {
            sql.append(" AND subject_type = 'agent' AND subject_id = ?");
            params.add(filter.agentId());
        }
        if (filter.category() != null) {
            sql.append(" AND category = ?::event_category");
            params.add(filter.category().name());
        }
        if (filter.severity() != null) {
            sql.append(" AND severity = ?::event_severity");
            params.add(filter.severity().name());
        }
        if (filter.flagged() != null) {
            sql.append(" AND flagged = ?");
            params.add(filter.flagged());
        }
        // The text form of tx is selected under another name: ORDER BY tx would otherwise sort by that text, which no
        // index serves (a sort of every visible row instead of a walk of observer_events_feed_idx).
        sql.append(after != null ? " ORDER BY tx, sequence" : " ORDER BY tx DESC, sequence DESC").append(" LIMIT ?");
        params.add(limit);
        var items = jdbc.sql(sql.toString()).params(params).query(this::item).list();
        return new FeedSlice(items, FeedCursor.beforeTransaction(Long.parseLong(horizon)));
    }

    @Override
    public void serialize(UUID agentId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('observer:' || ?::text, 0))").param(agentId)
                .query(Object.class).single();
    }

    @Override
    public int errorsSince(UUID agentId, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM observer_events
                 WHERE subject_type = 'agent' AND subject_id = ? AND actor_type = 'agent'
                   AND severity IN ('error', 'critical') AND created_at >= ?""")
                .params(agentId, OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC)).query(Integer.class)
                .single();
    }

    @Override
    public int denialsSince(UUID agentId, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM observer_events
                 WHERE subject_type = 'agent' AND subject_id = ? AND event_type = 'runtime.authorization'
                   AND payload ->> 'answer' = 'deny' AND created_at >= ?""")
                .params(agentId, OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC)).query(Integer.class)
                .single();
    }

    private FeedItem item(ResultSet rs, int row) throws SQLException {
        var event = new FeedEvent(rs.getObject("id", UUID.class), rs.getLong("sequence"), rs.getString("event_type"),
                rs.getString("category"), rs.getString("severity"), rs.getString("subject_type"),
                rs.getObject("subject_id", UUID.class), rs.getString("actor_type"),
                rs.getObject("actor_id", UUID.class), rs.getString("title"), rs.getString("description"),
                rs.getString("payload"),
                rs.getString("outcome"), instant(rs, "occurred_at"), instant(rs, "created_at"),
                rs.getInt("anomaly_score"), rs.getBoolean("flagged"));
        return new FeedItem(new FeedCursor(Long.parseLong(rs.getString("tx_text")), event.sequence()), event);
    }

    private static AgentReport.Outcome outcome(String value) {
        return value == null ? null : AgentReport.Outcome.valueOf(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
