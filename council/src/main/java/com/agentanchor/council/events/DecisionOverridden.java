package com.agentanchor.council.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * The owner of an agent overruled the council's verdict about it: {@code overriddenVerdict} is the council's
 * ({@code approved} or {@code rejected}), {@code reason} the owner's. {@code actorId} is the owner.
 */
@DomainEvent
public record DecisionOverridden(UUID eventId, UUID decisionId, UUID agentId, String agentName, UUID ownerId,
        String decisionType, int riskLevel, String subjectAction, String overriddenVerdict, String reason,
        boolean publicAgent, UUID actorId, Instant occurredAt) {
}
