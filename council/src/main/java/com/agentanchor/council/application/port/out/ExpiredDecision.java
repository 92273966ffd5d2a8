package com.agentanchor.council.application.port.out;

import java.util.UUID;

import com.agentanchor.council.domain.Decision;

/** A request rejected because its time ran out, with what the news of it needs to say about its agent. */
public record ExpiredDecision(Decision decision, String agentName, UUID ownerId, boolean publicAgent) {
}
