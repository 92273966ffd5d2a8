package com.agentanchor.academy.adapter.in.events;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.academy.application.port.in.Training;
import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * A stopped agent (suspended by the council, or retired by its owner) leaves the academy: its open enrollment ends,
 * under examination too, so no examiner waits on an agent that will not be graded, and a suspended agent, back as a
 * draft, may enroll anew. After commit and asynchronous, like {@code @ApplicationModuleListener}, but without its
 * surrounding transaction: the use case's own transaction begins after the agent's owner is entered, since only the
 * owner ends an enrollment ({@code academy_end_for_stopped_agent}).
 */
@Component
class StoppedAgentsEnrollments {

    private final Training training;

    StoppedAgentsEnrollments(Training training) {
        this.training = training;
    }

    @Async
    @TransactionalEventListener
    void on(AgentStatusChanged e) {
        if (!e.stopped()) {
            return;
        }
        try (var acting = ActingProfile.enter(new ProfileId(e.ownerId()))) {
            training.endForStoppedAgent(e.agentId());
        }
    }
}
