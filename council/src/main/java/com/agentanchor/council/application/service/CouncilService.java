package com.agentanchor.council.application.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.agents.application.port.in.AgentCatalog;
import com.agentanchor.agents.application.port.in.AgentGovernance;
import com.agentanchor.agents.application.port.in.AgentId;
import com.agentanchor.agents.application.port.in.AgentView;
import com.agentanchor.agents.application.port.in.TrustSource;
import com.agentanchor.agents.application.port.in.Verdict;
import com.agentanchor.agents.application.port.in.Verdict.StatusChange;
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
import com.agentanchor.council.domain.Ballot;
import com.agentanchor.council.domain.Decision;
import com.agentanchor.council.domain.DecisionStatus;
import com.agentanchor.council.domain.DecisionType;
import com.agentanchor.council.domain.RiskLevel;
import com.agentanchor.council.events.DecisionOverridden;
import com.agentanchor.council.events.DecisionRequested;
import com.agentanchor.platform.paging.Cursor;
import com.agentanchor.platform.paging.KeysetPage;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.NotAnAdmin;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class CouncilService implements DecisionRequests, CouncilVoting {

    /** The name the decision history's cursors carry, so that another list's cursor is refused. */
    private static final String HISTORY = "council-decisions";

    private final Decisions decisions;
    private final AgentCatalog agents;
    private final AgentGovernance governance;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration decisionTtl;

    CouncilService(Decisions decisions, AgentCatalog agents, AgentGovernance governance,
            ApplicationEventPublisher events, Clock clock,
            @Value("${agentanchor.council.decision-ttl:72h}") Duration decisionTtl) {
        this.decisionTtl = decisionTtl;
        this.decisions = decisions;
        this.agents = agents;
        this.governance = governance;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DecisionView request(ProfileId requester, RequestDecision request) {
        var risk = new RiskLevel(request.riskLevel());
        var agent = agents.find(requester, new AgentId(request.agentId()))
                .filter(a -> a.ownerId().equals(requester.value()) || mayAskToSuspend(request.decisionType(), a))
                .orElseThrow(() -> new AgentNotYours(request.agentId()));
        checkApplicable(request.decisionType(), agent);
        var requested = Decision.request(agent.id(), request.decisionType(), risk, request.subjectAction());
        var decision = decisions.insert(requested, Map.of(),
                requested.status().decided() ? null : clock.instant().plus(decisionTtl));
        if (decision.status().decided()) {
            events.publishEvent(decision.made(agent.name(), agent.ownerId(), agent.inPublicView(), requester.value(),
                    clock.instant()));
        } else { // the owner hears of it, whoever asked
            events.publishEvent(new DecisionRequested(UUID.randomUUID(), decision.id(), agent.id(), agent.name(),
                    agent.ownerId(), decision.type().name(), risk.value(), decision.subjectAction(),
                    agent.inPublicView(), risk.needsEscalation(), clock.instant()));
        }
        return DecisionView.of(decision);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DecisionView> find(UUID id) {
        return decisions.find(id).map(DecisionView::of);
    }

    @Override
    @Transactional
    public DecisionView override(ProfileId owner, UUID decisionId, String reason) {
        var decision = decisions.find(decisionId).orElseThrow(() -> new DecisionNotFound(decisionId));
        var agent = ownAgent(owner, decision.agentId()).orElseThrow(NotTheAgentsOwner::new);
        if (decision.type().changesStatus()) {
            throw new OverrideRefused("A " + decision.type() + " is the council's to decide and stands");
        }
        var overridden = decisions.override(decisionId, reason).orElseThrow(() -> new OverrideRefused(
                "Decision " + decisionId + " is " + decision.status() + ": only an approval or a rejection of the "
                        + "council can be overridden, once"));
        events.publishEvent(new DecisionOverridden(UUID.randomUUID(), decisionId, agent.id(), agent.name(),
                owner.value(), decision.type().name(), decision.riskLevel().value(), decision.subjectAction(),
                overridden.name(), reason, agent.inPublicView(), owner.value(), clock.instant()));
        return decisions.find(decisionId).map(DecisionView::of).orElseThrow();
    }

    @Override
    @Transactional
    public DecisionView signOff(ProfileId admin, UUID decisionId, String reason) {
        if (!ActingProfile.isAdmin()) {
            throw new NotAnAdmin();
        }
        if (!decisions.signOff(decisionId, reason)) {
            throw new DecisionNotFound(decisionId);
        }
        var approved = decisions.find(decisionId).orElseThrow(() -> new DecisionNotFound(decisionId));
        var agent = governance.enact(admin, new AgentId(approved.agentId()), verdict(approved));
        events.publishEvent(approved.made(agent.name(), agent.ownerId(), agent.inPublicView(), admin.value(),
                clock.instant()));
        return DecisionView.of(approved);
    }

    @Override
    @Transactional(readOnly = true)
    public KeysetPage<DecisionView> history(UUID agentId, DecisionStatus status, String before, int limit) {
        var from = Cursor.decode(before, HISTORY, "before");
        return KeysetPage.of(decisions.history(agentId, status, from, limit + 1), limit, DecisionView::of,
                d -> Cursor.of(HISTORY, d.createdAt(), d.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DecisionView> pending(int limit) {
        return decisions.pending(limit).stream().map(DecisionView::of).toList();
    }

    @Override
    @Transactional
    public DecisionView vote(ProfileId validator, UUID decisionId, CastVote cast) {
        if (!decisions.actingUserIsValidator()) {
            throw new NotAValidator();
        }
        var decision = decisions.lockForVote(decisionId).orElseThrow(() -> whyNotVotable(decisionId));
        if (decision.votedBy(validator.value())) {
            throw new VoteRefused("You have voted on decision " + decisionId + " already");
        }
        var counted = decisions.recordVotes(decision.cast(new Ballot(validator.value(), cast.vote(), cast.reason())));
        if (counted.status().decided()) {
            // The verdict's consequences, in the deciding vote's transaction: all of them happen, or none.
            var agent = governance.enact(validator, new AgentId(counted.agentId()), verdict(counted));
            events.publishEvent(counted.made(agent.name(), agent.ownerId(), agent.inPublicView(), validator.value(),
                    clock.instant()));
        }
        return DecisionView.of(counted);
    }

    /** What a decided request does to its agent: its trust impact, and a suspension or its lifting if approved. */
    private static Verdict verdict(Decision decision) {
        var status = decision.suspends() ? StatusChange.SUSPEND
                : decision.reinstates() ? StatusChange.REINSTATE : StatusChange.NONE;
        return new Verdict(status, decision.subjectAction(), decision.trustImpact(), TrustSource.council_decision,
                "Council " + decision.status() + ": " + decision.subjectAction(), decision.id(), "council_decision");
    }

    /**
     * Anyone who can see an active agent may ask the council to suspend it; every other request is its owner's.
     * The insert policy of council_decisions (council/004) holds the same rule.
     */
    private static boolean mayAskToSuspend(DecisionType type, AgentView agent) {
        return type == DecisionType.suspension && agent.inPublicView();
    }

    private Optional<AgentView> ownAgent(ProfileId owner, UUID agentId) {
        return agents.find(owner, new AgentId(agentId)).filter(a -> a.ownerId().equals(owner.value()));
    }

    private RuntimeException whyNotVotable(UUID id) {
        return decisions.find(id).<RuntimeException>map(d -> d.status() == DecisionStatus.pending
                ? new OwnAgent()
                : new VoteRefused("Decision " + id + " is " + d.status() + " already"))
                .orElseGet(() -> new DecisionNotFound(id));
    }

    /** Nothing more is decided for a retired agent: its pending requests lapsed as it retired (the database agrees). */
    private static void checkApplicable(DecisionType type, AgentView agent) {
        if (agent.retired()) {
            throw new RequestNotApplicable("Agent " + agent.id() + " is retired: the council decides nothing more");
        }
        if (type == DecisionType.suspension && !agent.suspendable()) {
            throw new RequestNotApplicable("Agent " + agent.id() + " is suspended already");
        }
        if (type == DecisionType.reinstatement && !agent.suspended()) {
            throw new RequestNotApplicable("Agent " + agent.id() + " is not suspended");
        }
    }
}
