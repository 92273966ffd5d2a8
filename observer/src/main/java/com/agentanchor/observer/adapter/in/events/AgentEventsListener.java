package com.agentanchor.observer.adapter.in.events;

import java.util.Map;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.agents.events.AgentRegistered;
import com.agentanchor.observer.application.port.in.ObservationLog;
import com.agentanchor.observer.domain.EventCategory;
import com.agentanchor.observer.domain.Observation;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * Like {@code @ApplicationModuleListener} (after commit, asynchronous, recorded in the event publication registry),
 * but without its surrounding transaction: the use case's own transaction must begin after the actor is entered,
 * so that row-level security sees who acted.
 */
@Component
class AgentEventsListener {

    private final ObservationLog log;

    AgentEventsListener(ObservationLog log) {
        this.log = log;
    }

    @Async
    @TransactionalEventListener
    void on(AgentRegistered e) {
        try (var acting = ActingProfile.enter(new ProfileId(e.actorId()))) {
            log.record(Observation.ofAgent(e.eventId(), "agent.registered", EventCategory.agent_action,
                    e.agentId(), e.ownerId(), "active".equals(e.status()), e.actorId(),
                    "Agent " + e.name() + " registered",
                    Map.of("status", e.status(), "trustScore", e.trustScore())));
        }
    }
}
