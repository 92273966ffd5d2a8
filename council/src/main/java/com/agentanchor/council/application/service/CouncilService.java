package com.agentanchor.council.application.service;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.council.application.port.in.AgentNotYours;
import com.agentanchor.council.application.port.in.DecisionRequests;
import com.agentanchor.council.application.port.in.DecisionView;
import com.agentanchor.council.application.port.in.RequestDecision;
import com.agentanchor.council.application.port.out.Decisions;
import com.agentanchor.council.domain.RiskLevel;
import com.agentanchor.council.events.DecisionRequested;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class CouncilService implements DecisionRequests {

    private final Decisions decisions;
    private final AgentCatalog agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CouncilService(Decisions decisions, AgentCatalog agents, ApplicationEventPublisher events, Clock clock) {
        this.decisions = decisions;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DecisionView request(ProfileId owner, RequestDecision request) {
        var risk = new RiskLevel(request.riskLevel());
        var agent = agents.find(owner, new AgentId(request.agentId()))
                .filter(a -> a.ownerId().equals(owner.value()))
                .orElseThrow(() -> new AgentNotYours(request.agentId()));
        var decision = decisions.insertPending(request);
        events.publishEvent(new DecisionRequested(UUID.randomUUID(), decision.id(), agent.id(), agent.name(),
                owner.value(), decision.decisionType().name(), risk.value(), decision.subjectAction(),
                agent.inPublicView(), risk.needsEscalation(), clock.instant()));
        return decision;
    }
}
