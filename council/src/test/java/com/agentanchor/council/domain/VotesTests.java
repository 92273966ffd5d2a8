package com.agentanchor.council.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class VotesTests {

    @Test
    void countsEachKindOfVoteAndKnowsWhoVoted() {
        var alice = UUID.randomUUID();
        var votes = Votes.NONE.with(new Ballot(alice, Vote.FOR, "fine"))
                .with(new Ballot(UUID.randomUUID(), Vote.AGAINST, null))
                .with(new Ballot(UUID.randomUUID(), Vote.FOR, null));

        assertThat(votes.count(Vote.FOR)).isEqualTo(2);
        assertThat(votes.count(Vote.AGAINST)).isEqualTo(1);
        assertThat(votes.count(Vote.ABSTAIN)).isZero();
        assertThat(votes.castBy(alice)).isTrue();
        assertThat(votes.castBy(UUID.randomUUID())).isFalse();
    }

    @Test
    void aValidatorVotesOnceAndAddingABallotLeavesTheOriginalAsItWas() {
        var alice = UUID.randomUUID();
        var once = Votes.NONE.with(new Ballot(alice, Vote.FOR, null));

        assertThatThrownBy(() -> once.with(new Ballot(alice, Vote.AGAINST, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Votes.NONE.ballots()).isEmpty();
        assertThat(once.ballots()).hasSize(1);
    }
}
