package com.agentanchor.council.adapter.in.events;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.council.application.port.in.DecisionExpiry;

/**
 * A retired agent's pending requests lapse: the council's queue keeps nothing it could only decide for an agent that
 * may do nothing any more. After commit and asynchronous; {@code lapse_retired_agent_decisions} needs no actor, since
 * it touches only a retired agent's requests.
 */
@Component
class RetiredAgentsRequests {

    private final DecisionExpiry expiry;

    RetiredAgentsRequests(DecisionExpiry expiry) {
        this.expiry = expiry;
    }

    @Async
    @TransactionalEventListener
    void on(AgentStatusChanged e) {
        if (e.retired()) {
            expiry.lapseForRetiredAgent(e.agentId());
        }
    }
}
