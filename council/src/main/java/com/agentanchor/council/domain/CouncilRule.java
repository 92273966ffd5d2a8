package com.agentanchor.council.domain;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * How many validators decide a request, after the origin's risk table (architecture §3.3): routine and standard
 * requests (L0, L1) are approved as they are made; L2 needs a single validator; L3 a majority of three in four;
 * L4 all four. Suspensions, reinstatements and escalations (an agent asking for more than it may do alone) are never
 * routine: below L2 they are treated as L2. Abstentions are recorded but fill no seat.
 */
@ValueObject
public record CouncilRule(int seats, int needed, String description) {

    private static final CouncilRule AUTOMATIC = new CouncilRule(0, 0, "approved automatically (routine)");
    private static final CouncilRule SINGLE = new CouncilRule(1, 1, "a single validator");
    private static final CouncilRule MAJORITY = new CouncilRule(4, 3, "a majority of 3 in 4 validators");
    private static final CouncilRule UNANIMOUS = new CouncilRule(4, 4, "4 validators, unanimously");

    public static CouncilRule of(DecisionType type, RiskLevel risk) {
        return switch (risk.value()) {
            case 0, 1 -> type.changesStatus() || type == DecisionType.escalation ? SINGLE : AUTOMATIC;
            case 2 -> SINGLE;
            case 3 -> MAJORITY;
            default -> UNANIMOUS;
        };
    }

    /** L4 is "unanimous + human": the validators' unanimous approval waits for an admin's sign-off. */
    public boolean needsSignOff() {
        return equals(UNANIMOUS);
    }

    public boolean automatic() {
        return seats == 0;
    }

    public DecisionStatus outcome(Votes votes) {
        if (automatic() || votes.count(Vote.FOR) >= needed) {
            return DecisionStatus.approved;
        }
        if (votes.count(Vote.AGAINST) > seats - needed) {
            return DecisionStatus.rejected;
        }
        return DecisionStatus.pending;
    }

    /**
     * What a verdict does to the agent's trust: a reviewed action that was approved earns 5 points per risk level,
     * a rejected one costs 10; an approved suspension costs 50; routine approvals and reinstatements move nothing.
     */
    public int trustImpact(DecisionType type, RiskLevel risk, DecisionStatus outcome) {
        if (automatic() || !outcome.decided()) {
            return 0;
        }
        return switch (type) {
            case suspension -> outcome == DecisionStatus.approved ? -50 : 0;
            case reinstatement -> 0;
            default -> outcome == DecisionStatus.approved ? 5 * risk.value() : -10 * risk.value();
        };
    }
}
