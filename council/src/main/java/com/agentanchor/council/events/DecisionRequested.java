package com.agentanchor.council.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An owner put an action of their agent before the council. {@code publicAgent} says whether the agent is in
 * public view (active), so that a decision about a draft is not broadcast; {@code escalate} whether the risk needs
 * the validators who are online.
 */
@DomainEvent
public record DecisionRequested(UUID eventId, UUID decisionId, UUID agentId, String agentName, UUID ownerId,
        String decisionType, int riskLevel, String subjectAction, boolean publicAgent, boolean escalate,
        Instant occurredAt) {
}
