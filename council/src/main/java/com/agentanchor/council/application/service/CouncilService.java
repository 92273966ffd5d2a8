package com.agentanchor.council.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentGovernance;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentUnderReview;
import com.agentanchor.agents.application.port.in.AgentView;
import com.agentanchor.agents.application.port.in.TrustAdjustment;
import com.agentanchor.agents.application.port.in.TrustSource;
import com.agentanchor.council.application.port.in.AgentNotYours;
import com.agentanchor.council.application.port.in.CastVote;
import com.agentanchor.council.application.port.in.CouncilVoting;
import com.agentanchor.council.application.port.in.DecisionNotFound;
import com.agentanchor.council.application.port.in.DecisionRequests;
import com.agentanchor.council.application.port.in.DecisionView;
import com.agentanchor.council.application.port.in.NotAValidator;
import com.agentanchor.council.application.port.in.NotTheAgentsOwner;
import com.agentanchor.council.application.port.in.OverrideRefused;
import com.agentanchor.council.application.port.in.OwnAgent;
import com.agentanchor.council.application.port.in.RequestDecision;
import com.agentanchor.council.application.port.in.RequestNotApplicable;
import com.agentanchor.council.application.port.in.VoteRefused;
import com.agentanchor.council.application.port.out.Decisions;
import com.agentanchor.council.application.port.out.StoredDecision;
import com.agentanchor.council.domain.Ballot;
import com.agentanchor.council.domain.CouncilRule;
import com.agentanchor.council.domain.DecisionType;
import com.agentanchor.council.domain.Outcome;
import com.agentanchor.council.domain.RiskLevel;
import com.agentanchor.council.domain.Vote;
import com.agentanchor.council.domain.Votes;
import com.agentanchor.council.events.DecisionMade;
import com.agentanchor.council.events.DecisionOverridden;
import com.agentanchor.council.events.DecisionRequested;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class CouncilService implements DecisionRequests, CouncilVoting {

    private final Decisions decisions;
    private final AgentCatalog agents;
    private final AgentGovernance governance;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CouncilService(Decisions decisions, AgentCatalog agents, AgentGovernance governance,
            ApplicationEventPublisher events, Clock clock) {
        this.decisions = decisions;
        this.agents = agents;
        this.governance = governance;
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
        checkApplicable(request.decisionType(), agent);
        var rule = CouncilRule.of(request.decisionType(), risk);
        if (rule.automatic()) {
            var decision = decisions.insert(request, Outcome.approved, "Approved automatically: " + rule.description());
            events.publishEvent(made(decision, agent.name(), agent.ownerId(), agent.inPublicView(), owner));
            return decision.view();
        }
        var decision = decisions.insert(request, Outcome.pending, null);
        events.publishEvent(new DecisionRequested(UUID.randomUUID(), decision.id(), agent.id(), agent.name(),
                owner.value(), decision.decisionType().name(), risk.value(), decision.subjectAction(),
                agent.inPublicView(), risk.needsEscalation(), clock.instant()));
        return decision.view();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DecisionView> find(UUID id) {
        return decisions.find(id).map(StoredDecision::view);
    }

    @Override
    @Transactional
    public DecisionView override(ProfileId owner, UUID decisionId, String reason) {
        var decision = decisions.find(decisionId).orElseThrow(() -> new DecisionNotFound(decisionId));
        var agent = agents.find(owner, new AgentId(decision.agentId()))
                .filter(a -> a.ownerId().equals(owner.value()))
                .orElseThrow(NotTheAgentsOwner::new);
        if (decision.decisionType() == DecisionType.suspension
                || decision.decisionType() == DecisionType.reinstatement) {
            throw new OverrideRefused("A " + decision.decisionType() + " is the council's to decide and stands");
        }
        var overridden = decisions.override(decisionId, reason).orElseThrow(() -> new OverrideRefused(
                "Decision " + decisionId + " is " + decision.status() + ": only an approval or a rejection of the "
                        + "council can be overridden, once"));
        events.publishEvent(new DecisionOverridden(UUID.randomUUID(), decisionId, agent.id(), agent.name(),
                owner.value(), decision.decisionType().name(), decision.riskLevel().value(), decision.subjectAction(),
                overridden, reason, agent.inPublicView(), owner.value(), clock.instant()));
        return decisions.find(decisionId).orElseThrow().view();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DecisionView> pending(int limit) {
        return decisions.pending(limit).stream().map(StoredDecision::view).toList();
    }

    @Override
    @Transactional
    public DecisionView vote(ProfileId validator, UUID decisionId, CastVote cast) {
        if (!decisions.actingUserIsValidator()) {
            throw new NotAValidator();
        }
        var decision = decisions.lockForVote(decisionId).orElseThrow(() -> whyNotVotable(decisionId));
        if (decision.votes().castBy(validator.value())) {
            throw new VoteRefused("You have voted on decision " + decisionId + " already");
        }
        var votes = decision.votes().with(new Ballot(validator.value(), cast.vote(), cast.reason()));
        var rule = CouncilRule.of(decision.decisionType(), decision.riskLevel());
        var outcome = rule.outcome(votes);
        var impact = rule.trustImpact(decision.decisionType(), decision.riskLevel(), outcome);
        var recorded = decisions.recordVotes(decisionId, votes, outcome,
                outcome.decided() ? verdict(outcome, votes, rule) : null, impact);
        if (outcome.decided()) {
            var agent = governance.underReview(new AgentId(decision.agentId()))
                    .orElseThrow(() -> new DecisionNotFound(decisionId));
            enact(validator, recorded, outcome, agent);
            events.publishEvent(made(recorded, agent.name(), agent.ownerId(), agent.inPublicView(), validator));
        }
        return recorded.view();
    }

    /** A verdict's consequences, in the deciding vote's transaction: all of them happen, or none. */
    private void enact(ProfileId validator, StoredDecision decision, Outcome outcome, AgentUnderReview agent) {
        var id = new AgentId(agent.id());
        if (decision.trustImpact() != 0) {
            governance.adjustTrust(validator, id, new TrustAdjustment(decision.trustImpact(),
                    TrustSource.council_decision, "Council " + outcome.name() + ": " + decision.subjectAction(),
                    decision.id(), "council_decision"));
        }
        if (outcome == Outcome.approved && decision.decisionType() == DecisionType.suspension) {
            governance.suspend(validator, id, decision.subjectAction(), decision.id());
        }
        if (outcome == Outcome.approved && decision.decisionType() == DecisionType.reinstatement) {
            governance.reinstate(validator, id, decision.subjectAction(), decision.id());
        }
    }

    private RuntimeException whyNotVotable(UUID id) {
        return decisions.find(id).<RuntimeException>map(d -> d.status().equals("pending")
                ? new OwnAgent()
                : new VoteRefused("Decision " + id + " is " + d.status() + " already"))
                .orElseGet(() -> new DecisionNotFound(id));
    }

    private static void checkApplicable(DecisionType type, AgentView agent) {
        if (type == DecisionType.suspension && !agent.suspendable()) {
            throw new RequestNotApplicable("Agent " + agent.id() + " is suspended or retired already");
        }
        if (type == DecisionType.reinstatement && !agent.suspended()) {
            throw new RequestNotApplicable("Agent " + agent.id() + " is not suspended");
        }
    }

    private static String verdict(Outcome outcome, Votes votes, CouncilRule rule) {
        return "%s by %s: %d for, %d against, %d abstaining".formatted(
                outcome == Outcome.approved ? "Approved" : "Rejected", rule.description(), votes.count(Vote.FOR),
                votes.count(Vote.AGAINST), votes.count(Vote.ABSTAIN));
    }

    private DecisionMade made(StoredDecision d, String agentName, UUID ownerId, boolean publicAgent, ProfileId actor) {
        return new DecisionMade(UUID.randomUUID(), d.id(), d.agentId(), agentName, ownerId, d.decisionType().name(),
                d.status(), d.riskLevel().value(), d.subjectAction(), d.reasoning(), d.trustImpact(),
                d.votes().count(Vote.FOR), d.votes().count(Vote.AGAINST), d.votes().count(Vote.ABSTAIN), publicAgent,
                actor.value(), clock.instant());
    }
}
