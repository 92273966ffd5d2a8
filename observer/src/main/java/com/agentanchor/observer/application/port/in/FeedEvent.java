package com.agentanchor.observer.application.port.in;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One event of the feed. Its payload is the stored JSON object as PostgreSQL gives it back, written out as it is:
 * parsing fifty of them into maps only to write them out again was a fifth of what a page allocated.
 */
public record FeedEvent(UUID id, long sequence, String eventType, String category, String severity,
        String subjectType, UUID subjectId, String actorType, UUID actorId, String title, String description,
        @JsonRawValue @Schema(type = "object") String payload, String outcome, Instant occurredAt, Instant createdAt,
        int anomalyScore, boolean flagged) {
}
