package com.agentanchor.agents.application.port.in;

import java.util.UUID;

/** An agent as a council validator reviewing it sees it, drafts included; never its prompt or configuration. */
public record AgentUnderReview(UUID id, UUID ownerId, String name, String status, int trustScore) {

    public boolean inPublicView() {
        return "active".equals(status);
    }
}
