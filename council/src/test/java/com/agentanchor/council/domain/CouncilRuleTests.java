package com.agentanchor.council.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The origin's risk table (architecture §3.3) and what verdicts do to trust, without Spring or a database. */
class CouncilRuleTests {

    @ParameterizedTest(name = "{0} at risk {1}: {2} seats, {3} needed")
    @CsvSource({
            "approval, 0, 0, 0", "approval, 1, 0, 0", "approval, 2, 1, 1", "approval, 3, 4, 3", "approval, 4, 4, 4",
            "modification, 1, 0, 0", "escalation, 3, 4, 3",
            "suspension, 0, 1, 1", "suspension, 1, 1, 1", "suspension, 2, 1, 1", "suspension, 4, 4, 4",
            "reinstatement, 0, 1, 1", "reinstatement, 3, 4, 3" })
    void seatsAndMajorityFollowTheRiskTableAndStatusChangesAreNeverRoutine(DecisionType type, int risk, int seats,
            int needed) {
        var rule = CouncilRule.of(type, new RiskLevel(risk));

        assertThat(rule.seats()).isEqualTo(seats);
        assertThat(rule.needed()).isEqualTo(needed);
        assertThat(rule.automatic()).isEqualTo(seats == 0);
    }

    @Test
    void aRoutineRequestIsApprovedWithoutAVote() {
        assertThat(CouncilRule.of(DecisionType.approval, new RiskLevel(1)).outcome(Votes.NONE))
                .isEqualTo(DecisionStatus.approved);
    }

    @Test
    void threeOfFourApproveAndTwoAgainstRejectAMajorityDecision() {
        var rule = CouncilRule.of(DecisionType.approval, new RiskLevel(3));

        assertThat(rule.outcome(votes(Vote.FOR, Vote.FOR))).isEqualTo(DecisionStatus.pending);
        assertThat(rule.outcome(votes(Vote.FOR, Vote.AGAINST, Vote.FOR))).isEqualTo(DecisionStatus.pending);
        assertThat(rule.outcome(votes(Vote.FOR, Vote.AGAINST, Vote.FOR, Vote.FOR))).isEqualTo(DecisionStatus.approved);
        assertThat(rule.outcome(votes(Vote.AGAINST, Vote.AGAINST))).isEqualTo(DecisionStatus.rejected);
    }

    @Test
    void abstentionsAreRecordedButFillNoSeat() {
        var rule = CouncilRule.of(DecisionType.approval, new RiskLevel(4));

        assertThat(rule.outcome(votes(Vote.ABSTAIN, Vote.ABSTAIN, Vote.ABSTAIN, Vote.ABSTAIN, Vote.ABSTAIN)))
                .isEqualTo(DecisionStatus.pending);
        assertThat(rule.outcome(votes(Vote.FOR, Vote.FOR, Vote.FOR, Vote.ABSTAIN, Vote.FOR)))
                .isEqualTo(DecisionStatus.approved);
        assertThat(rule.outcome(votes(Vote.FOR, Vote.FOR, Vote.FOR, Vote.AGAINST))).as("unanimous: one against")
                .isEqualTo(DecisionStatus.rejected);
    }

    @ParameterizedTest(name = "{0} at risk {1}, {2}: {3}")
    @CsvSource({
            "approval, 2, approved, 10", "approval, 4, approved, 20", "approval, 2, rejected, -20",
            "modification, 3, rejected, -30", "suspension, 2, approved, -50", "suspension, 2, rejected, 0",
            "reinstatement, 2, approved, 0", "approval, 1, approved, 0", "approval, 3, pending, 0" })
    void verdictsMoveTrustByRiskAndASuspensionCostsFifty(DecisionType type, int risk, DecisionStatus outcome, int impact) {
        var level = new RiskLevel(risk);

        assertThat(CouncilRule.of(type, level).trustImpact(type, level, outcome)).isEqualTo(impact);
    }

    private static Votes votes(Vote... cast) {
        var votes = Votes.NONE;
        for (var vote : cast) {
            votes = votes.with(new Ballot(UUID.randomUUID(), vote, null));
        }
        return votes;
    }
}
