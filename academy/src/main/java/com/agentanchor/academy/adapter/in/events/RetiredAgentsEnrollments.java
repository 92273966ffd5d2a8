package com.agentanchor.academy.adapter.in.events;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.academy.application.port.in.Training;
import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * A retired agent leaves the academy: its open enrollment ends, under examination too, so no examiner waits on an
 * agent that will never be graded. After commit and asynchronous, like {@code @ApplicationModuleListener}, but
 * without its surrounding transaction: the use case's own transaction begins after the agent's owner is entered,
 * since only the owner ends an enrollment ({@code academy_end_for_retired_agent}).
 */
@Component
class RetiredAgentsEnrollments {

    private final Training training;

    RetiredAgentsEnrollments(Training training) {
        this.training = training;
    }

    @Async
    @TransactionalEventListener
    void on(AgentStatusChanged e) {
        if (!"retired".equals(e.newStatus())) {
            return;
        }
        try (var acting = ActingProfile.enter(new ProfileId(e.ownerId()))) {
            training.endForRetiredAgent(e.agentId());
        }
    }
}
