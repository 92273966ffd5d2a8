package com.agentanchor.council.application.port.out;

import java.time.Instant;
import java.util.UUID;

import com.agentanchor.council.application.port.in.DecisionView;
import com.agentanchor.council.application.port.in.HumanOverride;
import com.agentanchor.council.application.port.in.VoteTally;
import com.agentanchor.council.domain.DecisionType;
import com.agentanchor.council.domain.RiskLevel;
import com.agentanchor.council.domain.Votes;

/** A council_decisions row. */
public record StoredDecision(UUID id, UUID agentId, DecisionType decisionType, String status, RiskLevel riskLevel,
        String subjectAction, String reasoning, int trustImpact, Votes votes, HumanOverride humanOverride,
        Instant createdAt, Instant decidedAt) {

    public DecisionView view() {
        return new DecisionView(id, agentId, decisionType, status, riskLevel.value(), subjectAction, reasoning,
                trustImpact, VoteTally.of(votes), humanOverride, createdAt, decidedAt);
    }
}
