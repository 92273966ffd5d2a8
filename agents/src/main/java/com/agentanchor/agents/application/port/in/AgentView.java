package com.agentanchor.agents.application.port.in;

import java.time.Instant;
import java.util.UUID;

import com.agentanchor.agents.domain.Agent;
import com.agentanchor.agents.domain.AgentConfig;
import com.agentanchor.agents.domain.AgentMetadata;
import com.agentanchor.agents.domain.AgentStatus;

/**
 * An agent as a given viewer sees it. The system prompt is the trainer's work: only the owner sees it.
 */
public record AgentView(
        UUID id,
        UUID ownerId,
        String name,
        String description,
        String systemPrompt,
        String model,
        AgentStatus status,
        int trustScore,
        String trustTier,
        int trustTierLevel,
        AgentConfig config,
        AgentMetadata metadata,
        int totalInteractions,
        int successfulInteractions,
        Instant createdAt,
        Instant updatedAt,
        Instant graduatedAt,
        Instant retiredAt) {

    /** Active agents are in public view: anyone may see them and what happens to them. */
    public boolean inPublicView() {
        return status == AgentStatus.active;
    }

    /** Whether a suspension would change anything: the agent is neither suspended nor retired. */
    public boolean suspendable() {
        return status.governanceMayMoveTo(AgentStatus.suspended);
    }

    public boolean suspended() {
        return status == AgentStatus.suspended;
    }

    public boolean retired() {
        return status == AgentStatus.retired;
    }

    public static AgentView of(Agent a, UUID viewer) {
        var tier = a.trustTier();
        return new AgentView(a.id(), a.ownerId(), a.name(), a.description(),
                a.isOwnedBy(viewer) ? a.systemPrompt() : null, a.model(), a.status(), a.trustScore(), tier.label(),
                tier.level(), a.config(), a.metadata(), a.totalInteractions(), a.successfulInteractions(),
                a.createdAt(), a.updatedAt(), a.graduatedAt(), a.retiredAt());
    }
}
