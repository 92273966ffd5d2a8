package com.agentanchor.agents.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** An agent moved from one status to another (database enum names); {@code referenceId} is what caused it. */
@DomainEvent
public record AgentStatusChanged(UUID eventId, UUID agentId, String agentName, UUID ownerId, String previousStatus,
        String newStatus, String reason, UUID referenceId, UUID actorId, Instant occurredAt) {

    /** Whether anyone may watch: the agent is or was active. */
    public boolean publicAgent() {
        return "active".equals(previousStatus) || "active".equals(newStatus);
    }

    /** Retired by its owner: for good, from whatever status it had. */
    public boolean retired() {
        return "retired".equals(newStatus);
    }

    /** Stopped: suspended by the council or retired by its owner; either way it may do nothing now. */
    public boolean stopped() {
        return retired() || "suspended".equals(newStatus);
    }

    /** Active for the first time: out of training or examination, not back from a suspension. */
    public boolean graduated() {
        return "active".equals(newStatus)
                && ("training".equals(previousStatus) || "examination".equals(previousStatus));
    }
}
