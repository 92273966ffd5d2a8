package com.agentanchor.agents.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An agent's trust score moved (clamped to 0–1000). Tiers are labels ("Trusted"); {@code publicAgent} says whether
 * the agent is in public view; {@code referenceId} is what caused it, e.g. a council decision.
 */
@DomainEvent
public record TrustChanged(UUID eventId, UUID agentId, String agentName, UUID ownerId, int previousScore,
        int newScore, String source, String reason, String previousTier, String newTier, boolean publicAgent,
        UUID referenceId, UUID actorId, Instant occurredAt) {

    public int change() {
        return newScore - previousScore;
    }

    public boolean tierChanged() {
        return !previousTier.equals(newTier);
    }
}
