package com.agentanchor.observer.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An agent reported {@code count} events at once (one call, one batch). {@code newest} holds up to
 * {@link #NEWEST} of them, newest last: a live feed shows those and the count rather than every event of a large
 * batch. {@code anomalies} are the reports flagged, up to {@link #NEWEST} of them. {@code ownerId} sees them all; {@code publicCount} of them (and the public entries) are for everyone.
 */
@DomainEvent
public record AgentReported(UUID eventId, UUID agentId, String agentName, UUID ownerId, int count,
        int publicCount, List<Entry> newest, List<Entry> anomalies, Instant occurredAt) {

    public static final int NEWEST = 10;

    public record Entry(UUID id, long sequence, String eventType, String severity, String title, String description,
            String outcome, Instant createdAt, boolean publicFeed, int anomalyScore) {
    }
}
