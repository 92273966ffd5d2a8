package com.agentanchor.agents.application.service;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentNotReady;
import com.agentanchor.agents.application.port.out.Agents;
import com.agentanchor.agents.domain.AgentStatus;
import com.agentanchor.agents.events.AgentStatusChanged;

/**
 * Stores a status change the {@code Agent} decided and publishes it. The database applies the same rule again
 * (under a row lock) and answers with the status the agent really had: if another transaction moved the agent
 * since it was read, the change is refused rather than published with the wrong starting point.
 */
@Component
class AgentMoves {

    private final Agents agents;
    private final ApplicationEventPublisher events;

    AgentMoves(Agents agents, ApplicationEventPublisher events) {
        this.agents = agents;
        this.events = events;
    }

    /** The owner's own steps ({@code advance_own_agent}). */
    void owners(AgentStatusChanged change) {
        store(change, agents.advanceOwn(change.agentId(), AgentStatus.valueOf(change.newStatus())));
    }

    /** The council's and the examiners' moves ({@code change_agent_status}). */
    void governed(AgentStatusChanged change) {
        store(change, agents.changeStatus(change.agentId(), AgentStatus.valueOf(change.newStatus())));
    }

    /** The owner's retirement ({@code retire_own_agent}). */
    void retirement(AgentStatusChanged change) {
        store(change, agents.retireOwn(change.agentId()));
    }

    private void store(AgentStatusChanged change, AgentStatus had) {
        if (!had.name().equals(change.previousStatus())) {
            throw new AgentNotReady(new AgentId(change.agentId()), "moved to " + had + " meanwhile");
        }
        events.publishEvent(change);
    }
}
