package com.agentanchor.council.application.port.in;

import java.time.Instant;
import java.util.UUID;

import com.agentanchor.council.domain.DecisionType;

/** A council decision as its requester sees it. */
public record DecisionView(UUID id, UUID agentId, DecisionType decisionType, String status, int riskLevel,
        String subjectAction, String reasoning, Instant createdAt) {
}
