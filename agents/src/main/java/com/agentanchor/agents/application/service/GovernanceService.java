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
import com.agentanchor.agents.application.port.in.TrustAdjustment;
import com.agentanchor.agents.application.port.in.Verdict;
import com.agentanchor.agents.application.port.out.Agents;
import com.agentanchor.agents.domain.Agent;
import com.agentanchor.agents.domain.AgentStatus;
import com.agentanchor.agents.domain.TrustTier;
import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.agents.events.TrustChanged;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class GovernanceService implements AgentGovernance {

    private final Agents agents;
    private final AgentMoves moves;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GovernanceService(Agents agents, AgentMoves moves, ApplicationEventPublisher events, Clock clock) {
        this.agents = agents;
        this.moves = moves;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgentUnderReview> underReview(AgentId agent) {
        return agents.underReview(agent.value()).map(AgentUnderReview::of);
    }

    @Override
    @Transactional
    public AgentUnderReview enact(ProfileId validator, AgentId id, Verdict verdict) {
        var agent = agents.underReview(id.value()).orElseThrow(() -> new AgentNotFound(id));
        var change = statusChange(agent, validator, verdict);
        change.ifPresent(moves::governed);
        if (verdict.trustChange() != 0) {
            adjustTrust(agent, validator, verdict, change);
        }
        return AgentUnderReview.of(agent);
    }

    private Optional<AgentStatusChanged> statusChange(Agent agent, ProfileId validator, Verdict verdict) {
        var by = validator.value();
        var reason = verdict.statusReason();
        var reference = verdict.referenceId();
        var now = clock.instant();
        return switch (verdict.statusChange()) {
            case NONE -> Optional.empty();
            case SUSPEND -> agent.suspend(by, reason, reference, now);
            case REINSTATE -> agent.reinstate(by, reason, reference, now);
            case GRADUATE -> sitting(agent, agent.graduate(by, reason, reference, now));
            case RETRAIN -> sitting(agent, agent.retrain(by, reason, reference, now));
            case START_OVER -> sitting(agent, agent.startOver(by, reason, reference, now));
        };
    }

    private static Optional<AgentStatusChanged> sitting(Agent agent, Optional<AgentStatusChanged> change) {
        if (change.isEmpty()) {
            throw new AgentNotReady(new AgentId(agent.id()), "is " + agent.status() + ", not sitting an examination");
        }
        return change;
    }

    /** The agent is watched publicly if it was in public view before the verdict or is after it. */
    private void adjustTrust(Agent agent, ProfileId validator, Verdict verdict, Optional<AgentStatusChanged> change) {
        var move = agents.applyTrustChange(agent.id(), new TrustAdjustment(verdict.trustChange(),
                verdict.trustSource(), verdict.trustReason(), verdict.referenceId(), verdict.referenceType()));
        var inPublicView = agent.inPublicView()
                || change.map(c -> AgentStatus.valueOf(c.newStatus()) == AgentStatus.active).orElse(false);
        events.publishEvent(new TrustChanged(UUID.randomUUID(), agent.id(), agent.name(), agent.ownerId(),
                move.previousScore(), move.newScore(), verdict.trustSource().name(), verdict.trustReason(),
                TrustTier.of(move.previousScore()).label(), TrustTier.of(move.newScore()).label(), inPublicView,
                verdict.referenceId(), validator.value(), clock.instant()));
    }
}
