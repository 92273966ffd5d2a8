package com.agentanchor.profiles.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** A person called for the first time and now has a profile. */
@DomainEvent
public record ProfileCreated(UUID eventId, UUID profileId, String email, Instant occurredAt) {
}
