package com.agentanchor.council.application.port.in;

import java.util.UUID;

import org.springframework.modulith.NamedInterface;

import com.agentanchor.council.domain.DecisionType;

/**
 * An owner asking the council whether their agent may do something.
 *
 * <p>Named on the type as well as on its package: Spring Modulith then carries the named interface over to the domain
 * types its signature uses (DecisionType), which callers in other modules need.
 */
@NamedInterface("api")
public record RequestDecision(UUID agentId, DecisionType decisionType, int riskLevel, String subjectAction) {
}
