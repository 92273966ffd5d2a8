package com.agentanchor.agents.application.port.in;

import java.util.UUID;

import com.agentanchor.agents.domain.Agent;
import com.agentanchor.agents.domain.AgentStatus;

/** An agent as a council validator reviewing it sees it, drafts included; never its prompt or configuration. */
public record AgentUnderReview(UUID id, UUID ownerId, String name, AgentStatus status, int trustScore) {

    public boolean inPublicView() {
        return status == AgentStatus.active;
    }

    public static AgentUnderReview of(Agent agent) {
        return new AgentUnderReview(agent.id(), agent.ownerId(), agent.name(), agent.status(), agent.trustScore());
    }
}
