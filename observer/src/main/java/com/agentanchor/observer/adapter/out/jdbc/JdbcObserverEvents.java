package com.agentanchor.observer.adapter.out.jdbc;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.observer.application.port.in.RecordedObservation;
import com.agentanchor.observer.application.port.out.ObserverEvents;
import com.agentanchor.observer.domain.Observation;

import tools.jackson.databind.json.JsonMapper;

/**
 * JdbcClient, not a Spring Data repository: the log is only ever appended to, once per source event
 * ({@code ON CONFLICT DO NOTHING}), with enum casts.
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
        // Looking first keeps a redelivery from drawing (and wasting) a sequence number; the unique index decides races.
        if (o.sourceEventId() != null && jdbc.sql("SELECT count(*) FROM observer_events WHERE source_event_id = ?")
                .param(o.sourceEventId()).query(Long.class).single() > 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                INSERT INTO observer_events (source_event_id, event_type, category, severity, subject_type, subject_id,
                                             actor_type, actor_id, title, description, payload, anomaly_score,
                                             flagged)
                VALUES (?, ?, ?::event_category, ?::event_severity, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (source_event_id) DO NOTHING
                RETURNING id, sequence, created_at""")
                .params(o.sourceEventId(), o.eventType(), o.category().name(), o.severity().name(), o.subjectType(),
                        o.subjectId(), o.actorType(), o.actorId(), o.title(), o.description(),
                        json.writeValueAsString(o.payload()), o.anomalyScore(), o.flagged())
                .query((rs, n) -> new RecordedObservation(rs.getObject("id", UUID.class), rs.getLong("sequence"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
