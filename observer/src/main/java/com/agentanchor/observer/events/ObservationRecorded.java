package com.agentanchor.observer.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A new entry in the observer's log; the live feed shows these. {@code subjectOwnerId} (may be null) sees it
 * whatever its visibility; {@code publicFeed} says whether everyone may; {@code anomalyScore} above 0 marks an
 * anomaly.
 */
@DomainEvent
public record ObservationRecorded(UUID eventId, long sequence, String eventType, String category, String severity,
        String subjectType, UUID subjectId, String title, String description, Instant createdAt, UUID subjectOwnerId,
        boolean publicFeed, String subjectName, int anomalyScore) {
}
