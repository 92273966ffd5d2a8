package com.agentanchor.council.domain;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

import com.agentanchor.council.events.DecisionMade;

/**
 * A request put before the council about one agent's action, and the council's verdict on it. {@link CouncilRule}
 * decides how many validators it takes; each ballot is counted by {@link #cast}, which also says, once the council
 * has decided, why and what the verdict does to the agent's trust. The database holds the routine-approval half of
 * the rule too (the insert policy of {@code council_decisions}): nobody can store a request as approved that the
 * rule would have sent to a vote.
 */
@AggregateRoot
public record Decision(@Identity UUID id, UUID agentId, DecisionType type, DecisionStatus status,
        RiskLevel riskLevel, String subjectAction, String reasoning, int trustImpact, Votes votes,
        HumanOverride humanOverride, SignOff signOff, Instant createdAt, Instant decidedAt) {

    public Decision {
        votes = votes == null ? Votes.NONE : votes;
    }

    /** A new request, not yet stored: routine ones are approved as they are made, the rest wait for validators. */
    public static Decision request(UUID agentId, DecisionType type, RiskLevel risk, String subjectAction) {
        var rule = CouncilRule.of(type, risk);
        return rule.automatic()
                ? new Decision(null, agentId, type, DecisionStatus.approved, risk, subjectAction,
                        "Approved automatically: " + rule.description(), 0, Votes.NONE, null, null, null, null)
                : new Decision(null, agentId, type, DecisionStatus.pending, risk, subjectAction, null, 0, Votes.NONE,
                        null, null, null, null);
    }

    public CouncilRule rule() {
        return CouncilRule.of(type, riskLevel);
    }

    public boolean votedBy(UUID validatorId) {
        return votes.castBy(validatorId);
    }

    /** Counts {@code ballot}; the decision that results (still pending, or decided, with its reasoning and impact). */
    public Decision cast(Ballot ballot) {
        var counted = votes.with(ballot);
        var rule = rule();
        var outcome = rule.outcome(counted);
        var reasons = outcome.decided() ? "%s by %s: %d for, %d against, %d abstaining".formatted(
                outcome == DecisionStatus.approved ? "Approved" : "Rejected", rule.description(),
                counted.count(Vote.FOR), counted.count(Vote.AGAINST), counted.count(Vote.ABSTAIN)) : reasoning;
        var impact = rule.trustImpact(type, riskLevel, outcome);
        if (outcome == DecisionStatus.approved && rule.needsSignOff()) { // its impact waits with it
            return new Decision(id, agentId, type, DecisionStatus.escalated, riskLevel, subjectAction,
                    reasons + "; waits for an admin's sign-off", impact, counted, humanOverride, signOff,
                    createdAt, decidedAt);
        }
        return new Decision(id, agentId, type, outcome, riskLevel, subjectAction, reasons, impact, counted,
                humanOverride, signOff, createdAt, decidedAt);
    }

    /** Whether the verdict suspends the agent or lifts its suspension (an approved request to do so). */
    public boolean suspends() {
        return status == DecisionStatus.approved && type == DecisionType.suspension;
    }

    public boolean reinstates() {
        return status == DecisionStatus.approved && type == DecisionType.reinstatement;
    }

    /** The news of a decided request, about an agent named {@code agentName} of {@code ownerId}'s. */
    public DecisionMade made(String agentName, UUID ownerId, boolean publicAgent, UUID actor, Instant at) {
        return new DecisionMade(UUID.randomUUID(), id, agentId, agentName, ownerId, type.name(), status.name(),
                riskLevel.value(), subjectAction, reasoning, trustImpact, votes.count(Vote.FOR),
                votes.count(Vote.AGAINST), votes.count(Vote.ABSTAIN), publicAgent, actor, at);
    }
}
