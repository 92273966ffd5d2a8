package com.agentanchor.agents.application.port.out;

import java.util.UUID;

import com.agentanchor.agents.domain.AgentStatus;

/** What a validator may know of an agent under review, drafts included: no prompt, no configuration. */
public record GovernedAgent(UUID id, UUID ownerId, String name, AgentStatus status, int trustScore,
        boolean graduated) {
}
