package com.agentanchor.council.application.port.in;

import java.time.Instant;
import java.util.UUID;

import com.agentanchor.council.domain.DecisionType;

/**
 * A council decision as anyone who may see it sees it, votes included (the council works in the open);
 * {@code humanOverride} is null unless the agent's owner overruled the verdict.
 */
public record DecisionView(UUID id, UUID agentId, DecisionType decisionType, String status, int riskLevel,
        String subjectAction, String reasoning, int trustImpact, VoteTally votes, HumanOverride humanOverride,
        Instant createdAt, Instant decidedAt) {
}
