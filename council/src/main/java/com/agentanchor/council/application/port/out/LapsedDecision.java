package com.agentanchor.council.application.port.out;

import java.util.UUID;

import com.agentanchor.council.domain.Decision;

/**
 * A request rejected without a verdict of the council (its time ran out, or its agent retired), with what the news of
 * it needs to say about its agent.
 */
public record LapsedDecision(Decision decision, String agentName, UUID ownerId, boolean publicAgent) {
}
