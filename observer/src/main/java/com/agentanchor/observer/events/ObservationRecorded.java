package com.agentanchor.observer.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** A new entry in the observer's log; the live feed shows these. */
@DomainEvent
public record ObservationRecorded(UUID eventId, long sequence, String eventType, String category, String severity,
        String subjectType, UUID subjectId, String title, String description, Instant createdAt) {
}
