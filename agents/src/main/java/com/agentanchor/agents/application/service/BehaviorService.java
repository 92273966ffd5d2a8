package com.agentanchor.agents.application.service;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentBehavior;
import com.agentanchor.agents.application.port.in.AgentNotFound;
import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.agents.application.port.in.TrustSource;
import com.agentanchor.agents.application.port.out.Agents;
import com.agentanchor.agents.domain.TrustTier;
import com.agentanchor.agents.events.TrustChanged;

@Service
class BehaviorService implements AgentBehavior {

    private final Agents agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BehaviorService(Agents agents, ApplicationEventPublisher events, Clock clock) {
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void recordOutcomes(CallingAgent caller, int successes, int failures) {
        agents.recordOutcomes(successes, failures).filter(move -> move.newScore() != move.previousScore())
                .ifPresent(move -> {
                    var agent = agents.find(caller.id().value()).orElseThrow(() -> new AgentNotFound(caller.id()));
                    events.publishEvent(new TrustChanged(UUID.randomUUID(), agent.id(), agent.name(),
                            agent.ownerId(), move.previousScore(), move.newScore(),
                            TrustSource.behavior_analysis.name(), "%d successful and %d failed interactions reported"
                                    .formatted(successes, failures),
                            TrustTier.of(move.previousScore()).label(), TrustTier.of(move.newScore()).label(),
                            agent.inPublicView(), null, null, clock.instant()));
                });
    }
}
