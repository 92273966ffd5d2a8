package com.agentanchor.council.application.port.in;

import java.util.UUID;

import com.agentanchor.council.domain.DecisionType;

/** An owner asking the council whether their agent may do something. */
public record RequestDecision(UUID agentId, DecisionType decisionType, int riskLevel, String subjectAction) {
}
