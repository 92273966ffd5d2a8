package com.agentanchor.council.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** A validator came online or went offline; {@code onlineCount} is how many are online now. */
@DomainEvent
public record ValidatorAvailabilityChanged(UUID eventId, UUID validatorId, boolean online, int onlineCount,
        Instant occurredAt) {
}
