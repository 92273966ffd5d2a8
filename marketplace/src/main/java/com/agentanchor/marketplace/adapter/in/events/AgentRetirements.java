package com.agentanchor.marketplace.adapter.in.events;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.marketplace.application.port.in.Selling;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * A retired agent is off the market for good: its listings retire and what can end of their acquisitions ends.
 * After commit and asynchronous, like {@code @ApplicationModuleListener}, but without its surrounding transaction:
 * the use case's own transaction begins after the agent's owner is entered, since only the seller may retire a
 * listing or terminate its acquisitions (row-level security and {@code terminate_acquisition}).
 */
@Component
class AgentRetirements {

    private final Selling selling;

    AgentRetirements(Selling selling) {
        this.selling = selling;
    }

    @Async
    @TransactionalEventListener
    void on(AgentStatusChanged e) {
        if (!e.retired()) {
            return;
        }
        try (var acting = ActingProfile.enter(new ProfileId(e.ownerId()))) {
            selling.withdraw(new ProfileId(e.ownerId()), e.agentId(), "Agent " + e.agentName() + " retired");
        }
    }
}
