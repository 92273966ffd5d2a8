package com.agentanchor.agents.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** A trainer registered a new agent. {@code actorId} is who did it: listeners act on their behalf. */
@DomainEvent
public record AgentRegistered(UUID eventId, UUID agentId, UUID ownerId, String name, String status, int trustScore,
        UUID actorId, Instant occurredAt) {
}
