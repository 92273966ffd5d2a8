package com.agentanchor.council.application.port.in;

import java.time.Instant;
import java.util.UUID;

import com.agentanchor.council.domain.Decision;
import com.agentanchor.council.domain.DecisionStatus;
import com.agentanchor.council.domain.DecisionType;
import com.agentanchor.council.domain.HumanOverride;
import com.agentanchor.council.domain.SignOff;

/**
 * A council decision as anyone who may see it sees it, votes included (the council works in the open);
 * {@code humanOverride} is null unless the agent's owner overruled the verdict, {@code signOff} unless an admin
 * signed off a critical approval.
 */
public record DecisionView(UUID id, UUID agentId, DecisionType decisionType, DecisionStatus status, int riskLevel,
        String subjectAction, String reasoning, int trustImpact, VoteTally votes, HumanOverride humanOverride,
        SignOff signOff, Instant createdAt, Instant decidedAt) {

    public static DecisionView of(Decision d) {
        return new DecisionView(d.id(), d.agentId(), d.type(), d.status(), d.riskLevel().value(), d.subjectAction(),
                d.reasoning(), d.trustImpact(), VoteTally.of(d.votes()), d.humanOverride(), d.signOff(), d.createdAt(),
                d.decidedAt());
    }
}
