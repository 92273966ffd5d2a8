package com.agentanchor.agents.application.port.out;

import java.util.UUID;

import com.agentanchor.agents.domain.AgentStatus;

/** An agent's waiting outcome tallies, settled onto its row at once: the sums, and its trust before and after. */
public record SettledOutcomes(UUID agentId, UUID ownerId, String name, AgentStatus status, int successes,
        int failures, TrustMove trust) {
}
