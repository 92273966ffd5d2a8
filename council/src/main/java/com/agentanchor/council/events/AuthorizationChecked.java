package com.agentanchor.council.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An agent asked whether it may take an action, and got {@code answer} (allow, deny or require_approval) for
 * {@code reason}. {@code checkId} names this check; {@code decisionId} is the council decision it opened, when it
 * needs one. {@code highestRiskAlone} is what the agent's trust let it do alone at the time.
 */
@DomainEvent
public record AuthorizationChecked(UUID eventId, UUID checkId, UUID agentId, String agentName, UUID ownerId,
        boolean publicAgent, String action, int riskLevel, int highestRiskAlone, String answer, String reason,
        UUID decisionId, Instant occurredAt) {
}
