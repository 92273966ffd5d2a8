package com.agentanchor.observer.domain;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * One thing that happened, about one subject, done by one actor (or by the system when the actor is null).
 * {@code subjectOwnerId} is who the subject belongs to (they see every event about it); {@code publicSubject}
 * says whether the subject is in public view (an active agent); {@code sourceEventId}, when the observation comes
 * from another module's event, makes recording it again a no-op. An {@code anomalyScore} above 0 (up to 100) flags
 * it as an anomaly.
 */
@ValueObject
public record Observation(
        UUID sourceEventId,
        String eventType,
        EventCategory category,
        EventSeverity severity,
        String subjectType,
        UUID subjectId,
        String actorType,
        UUID actorId,
        String title,
        String description,
        Map<String, Object> payload,
        UUID subjectOwnerId,
        boolean publicSubject,
        String subjectName,
        int anomalyScore) {

    public Observation {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(subjectId, "subjectId");
        severity = severity == null ? EventSeverity.info : severity;
        payload = payload == null ? Map.of() : Map.copyOf(payload);
        if (anomalyScore < 0 || anomalyScore > 100) {
            throw new IllegalArgumentException("an anomaly score is 0 to 100");
        }
    }

    public static Observation ofAgent(UUID sourceEventId, String eventType, EventCategory category, UUID agentId,
            String agentName, UUID ownerId, boolean activeAgent, UUID actorProfileId, String title,
            Map<String, Object> payload) {
        return new Observation(sourceEventId, eventType, category, EventSeverity.info, "agent", agentId,
                actorProfileId == null ? "system" : "user", actorProfileId, title, null, payload, ownerId, activeAgent,
                agentName, 0);
    }

    /** The same subject and actor, seen as an anomaly: a warning of its own, scored. */
    public Observation asAnomaly(UUID sourceEventId, String eventType, int score, String title, String description) {
        return new Observation(sourceEventId, eventType, EventCategory.anomaly, EventSeverity.warning, subjectType,
                subjectId, actorType, actorId, title, description, payload, subjectOwnerId, publicSubject,
                subjectName, score);
    }

    /** The same observation, flagged as an anomaly with {@code score} (it keeps its own category). */
    public Observation withAnomalyScore(int score) {
        return new Observation(sourceEventId, eventType, category, severity, subjectType, subjectId, actorType, actorId,
                title, description, payload, subjectOwnerId, publicSubject, subjectName, score);
    }

    public boolean flagged() {
        return anomalyScore > 0;
    }

    /** The public feed shows info and warning events about public subjects, as row-level security does. */
    public boolean belongsOnPublicFeed() {
        return publicSubject && severity.isPublic();
    }
}
