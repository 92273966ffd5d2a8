package com.agentanchor.council.application.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.council.application.port.in.AuthorizationAnswer;
import com.agentanchor.council.application.port.in.AuthorizationRequest;
import com.agentanchor.council.application.port.in.DecisionNotFound;
import com.agentanchor.council.application.port.in.InvalidAuthorizationRequest;
import com.agentanchor.council.application.port.in.RuntimeAuthorization;
import com.agentanchor.council.application.port.out.Decisions;
import com.agentanchor.council.domain.Authorization;
import com.agentanchor.council.domain.Autonomy;
import com.agentanchor.council.domain.Decision;
import com.agentanchor.council.domain.DecisionType;
import com.agentanchor.council.domain.RiskLevel;
import com.agentanchor.council.events.AuthorizationChecked;
import com.agentanchor.council.events.DecisionRequested;

@Service
class RuntimeAuthorizationService implements RuntimeAuthorization {

    static final int MAX_ACTION = 500;

    private final Decisions decisions;
    private final AgentCatalog agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration decisionTtl;

    RuntimeAuthorizationService(Decisions decisions, AgentCatalog agents, ApplicationEventPublisher events,
            Clock clock, @Value("${agentanchor.council.decision-ttl:72h}") Duration decisionTtl) {
        this.decisions = decisions;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
        this.decisionTtl = decisionTtl;
    }

    @Override
    @Transactional
    public AuthorizationAnswer authorize(CallingAgent caller, AuthorizationRequest request) {
        var risk = riskOf(request);
        var agent = agents.self(caller);
        var autonomy = new Autonomy(agent.trustTierLevel());
        var authorization = autonomy.decide(agent.inPublicView(), risk);
        var now = clock.instant();
        UUID id;
        String status = null;
        if (authorization.answer() == Authorization.Answer.require_approval) {
            var asked = decisions.insert(Decision.request(agent.id(), DecisionType.escalation, risk, request.action()),
                    request.context() == null ? Map.of() : request.context(), now.plus(decisionTtl));
            id = asked.id();
            status = asked.status().name();
            events.publishEvent(new DecisionRequested(UUID.randomUUID(), id, agent.id(), agent.name(),
                    agent.ownerId(), DecisionType.escalation.name(), risk.value(), request.action(),
                    agent.inPublicView(), risk.needsEscalation(), now));
        } else {
            id = UUID.randomUUID();
        }
        events.publishEvent(new AuthorizationChecked(UUID.randomUUID(), id, agent.id(), agent.name(), agent.ownerId(),
                agent.inPublicView(), request.action(), risk.value(), autonomy.highestRiskAlone(),
                authorization.answer().name(), authorization.reason(), status == null ? null : id, now));
        return new AuthorizationAnswer(authorization.answer().name(), authorization.reason(), id, status);
    }

    @Override
    @Transactional(readOnly = true)
    public AuthorizationAnswer decision(CallingAgent caller, UUID decisionId) {
        var decision = decisions.find(decisionId).filter(d -> d.agentId().equals(caller.id().value()))
                .orElseThrow(() -> new DecisionNotFound(decisionId));
        var now = Authorization.of(decision, agents.self(caller).inPublicView());
        return new AuthorizationAnswer(now.answer().name(), now.reason(), decisionId, decision.status().name());
    }

    private static RiskLevel riskOf(AuthorizationRequest request) {
        if (request.action() == null || request.action().isBlank() || request.action().length() > MAX_ACTION) {
            throw new InvalidAuthorizationRequest("action", "must be 1 to " + MAX_ACTION + " characters, not blank");
        }
        if (request.riskLevel() == null || request.riskLevel() < 0 || request.riskLevel() > RiskLevel.HIGHEST) {
            throw new InvalidAuthorizationRequest("riskLevel", "must be 0 to " + RiskLevel.HIGHEST);
        }
        return new RiskLevel(request.riskLevel());
    }
}
