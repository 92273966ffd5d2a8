package com.agentanchor.agents.application.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentGovernance;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentNotFound;
import com.agentanchor.agents.application.port.in.AgentNotReady;
import com.agentanchor.agents.application.port.in.AgentUnderReview;
import com.agentanchor.agents.application.port.in.ExaminationResult;
import com.agentanchor.agents.application.port.in.TrustAdjustment;
import com.agentanchor.agents.application.port.out.Agents;
import com.agentanchor.agents.application.port.out.GovernedAgent;
import com.agentanchor.agents.domain.AgentStatus;
import com.agentanchor.agents.domain.TrustTier;
import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.agents.events.TrustChanged;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class GovernanceService implements AgentGovernance {

    private final Agents agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GovernanceService(Agents agents, ApplicationEventPublisher events, Clock clock) {
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgentUnderReview> underReview(AgentId agent) {
        return agents.underReview(agent.value()).map(a -> new AgentUnderReview(a.id(), a.ownerId(), a.name(),
                a.status().name(), a.trustScore()));
    }

    @Override
    @Transactional
    public void adjustTrust(ProfileId validator, AgentId id, TrustAdjustment adjustment) {
        var agent = governed(id);
        var move = agents.applyTrustChange(id.value(), adjustment);
        events.publishEvent(new TrustChanged(UUID.randomUUID(), agent.id(), agent.name(), agent.ownerId(),
                move.previousScore(), move.newScore(), adjustment.source().name(), adjustment.reason(),
                TrustTier.of(move.previousScore()).label(), TrustTier.of(move.newScore()).label(),
                agent.status() == AgentStatus.active, adjustment.referenceId(), validator.value(), clock.instant()));
    }

    @Override
    @Transactional
    public void suspend(ProfileId validator, AgentId id, String reason, UUID decisionId) {
        var agent = governed(id);
        if (agent.status().suspendable()) {
            move(validator, agent, AgentStatus.suspended, reason, decisionId);
        }
    }

    @Override
    @Transactional
    public void reinstate(ProfileId validator, AgentId id, String reason, UUID decisionId) {
        var agent = governed(id);
        if (agent.status() == AgentStatus.suspended) {
            move(validator, agent, AgentStatus.reinstated(agent.graduated()), reason, decisionId);
        }
    }

    @Override
    @Transactional
    public void closeExamination(ProfileId validator, AgentId id, ExaminationResult result, String reason,
            UUID examinationId) {
        var agent = governed(id);
        if (agent.status() != AgentStatus.examination) {
            throw new AgentNotReady(id, "is not sitting an examination");
        }
        var to = switch (result) {
            case PASSED -> AgentStatus.active;
            case RETAKE -> AgentStatus.training;
            case FAILED -> AgentStatus.draft;
        };
        move(validator, agent, to, reason, examinationId);
    }

    private void move(ProfileId validator, GovernedAgent agent, AgentStatus to, String reason, UUID decisionId) {
        var from = agents.changeStatus(agent.id(), to);
        events.publishEvent(new AgentStatusChanged(UUID.randomUUID(), agent.id(), agent.name(), agent.ownerId(),
                from.name(), to.name(), reason, decisionId, validator.value(), clock.instant()));
    }

    private GovernedAgent governed(AgentId id) {
        return agents.underReview(id.value()).orElseThrow(() -> new AgentNotFound(id));
    }
}
