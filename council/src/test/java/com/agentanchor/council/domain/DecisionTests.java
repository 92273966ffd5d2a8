package com.agentanchor.council.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A request, the ballots counted on it and the verdict it yields, without Spring or a database. */
class DecisionTests {

    @Test
    void aRoutineRequestIsApprovedAsItIsMadeAndTheRestWaitForValidators() {
        var routine = Decision.request(UUID.randomUUID(), DecisionType.approval, new RiskLevel(1), "read mail");
        var elevated = Decision.request(UUID.randomUUID(), DecisionType.approval, new RiskLevel(2), "send mail");
        var suspension = Decision.request(UUID.randomUUID(), DecisionType.suspension, new RiskLevel(0), "leak");

        assertThat(routine.status()).isEqualTo(DecisionStatus.approved);
        assertThat(routine.reasoning()).startsWith("Approved automatically");
        assertThat(routine.trustImpact()).isZero();
        assertThat(elevated.status()).isEqualTo(DecisionStatus.pending);
        assertThat(suspension.status()).as("never routine").isEqualTo(DecisionStatus.pending);
    }

    @Test
    void theDecidingBallotGivesTheVerdictItsReasonsAndItsTrustImpact() {
        var request = stored(DecisionType.approval, 3);

        var first = request.cast(ballot(Vote.FOR));
        var decided = first.cast(ballot(Vote.AGAINST)).cast(ballot(Vote.FOR)).cast(ballot(Vote.FOR));

        assertThat(first.status()).isEqualTo(DecisionStatus.pending);
        assertThat(first.trustImpact()).isZero();
        assertThat(first.votes().ballots()).hasSize(1);
        assertThat(request.votes().ballots()).as("casting changes nothing in place").isEmpty();
        assertThat(decided.status()).isEqualTo(DecisionStatus.approved);
        assertThat(decided.reasoning()).isEqualTo("Approved by a majority of 3 in 4 validators: 3 for, 1 against, "
                + "0 abstaining");
        assertThat(decided.trustImpact()).isEqualTo(15);
    }

    @Test
    void aCriticalRequestApprovedUnanimouslyIsEscalatedWithTheImpactItWillHave() {
        var decision = stored(DecisionType.approval, 4);
        for (int i = 0; i < 4; i++) {
            decision = decision.cast(ballot(Vote.FOR));
        }

        assertThat(decision.status()).isEqualTo(DecisionStatus.escalated);
        assertThat(decision.status().decided()).as("nothing is enacted yet").isFalse();
        assertThat(decision.trustImpact()).isEqualTo(20);
        assertThat(decision.reasoning()).endsWith("waits for an admin's sign-off");
    }

    @Test
    void anApprovedSuspensionSuspendsAndItsNewsCarriesTheCount() {
        var validator = UUID.randomUUID();
        var suspension = stored(DecisionType.suspension, 2).cast(new Ballot(validator, Vote.FOR, "leaked"));
        var rejected = stored(DecisionType.suspension, 2).cast(ballot(Vote.AGAINST));

        assertThat(suspension.suspends()).isTrue();
        assertThat(suspension.reinstates()).isFalse();
        assertThat(suspension.trustImpact()).isEqualTo(-50);
        assertThat(rejected.suspends()).isFalse();
        var made = suspension.made("Scout", UUID.randomUUID(), true, validator, Instant.EPOCH);
        assertThat(made.decisionId()).isEqualTo(suspension.id());
        assertThat(made.status()).isEqualTo("approved");
        assertThat(made.votesFor()).isEqualTo(1);
        assertThat(made.trustImpact()).isEqualTo(-50);
        assertThat(made.actorId()).isEqualTo(validator);
    }

    private static Decision stored(DecisionType type, int risk) {
        var request = Decision.request(UUID.randomUUID(), type, new RiskLevel(risk), "act");
        return new Decision(UUID.randomUUID(), request.agentId(), type, request.status(), request.riskLevel(),
                request.subjectAction(), null, 0, Votes.NONE, null, null, Instant.EPOCH, null);
    }

    private static Ballot ballot(Vote vote) {
        return new Ballot(UUID.randomUUID(), vote, null);
    }
}
