package com.agentanchor.observer.application.port.in;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One event of the feed. */
public record FeedEvent(UUID id, long sequence, String eventType, String category, String severity,
        String subjectType, UUID subjectId, String actorType, UUID actorId, String title, String description,
        Map<String, Object> payload, String outcome, Instant occurredAt, Instant createdAt, int anomalyScore,
        boolean flagged) {
}
