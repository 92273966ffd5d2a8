package com.agentanchor.council.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * The council decided: {@code status} is approved or rejected, by the votes counted here or automatically for a
 * routine request ({@code actorId} is then the requester). {@code trustImpact} is what the verdict did to the
 * agent's trust; {@code publicAgent} whether the agent is in public view.
 */
@DomainEvent
public record DecisionMade(UUID eventId, UUID decisionId, UUID agentId, String agentName, UUID ownerId,
        String decisionType, String status, int riskLevel, String subjectAction, String reasoning, int trustImpact,
        int votesFor, int votesAgainst, int votesAbstain, boolean publicAgent, UUID actorId, Instant occurredAt) {
}
