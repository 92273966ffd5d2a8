package com.agentanchor.profiles.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** A platform admin ({@code actorId}) seated on the council the profile {@code profileId}. */
@DomainEvent
public record ValidatorAppointed(UUID eventId, UUID profileId, UUID actorId, Instant occurredAt) {
}
