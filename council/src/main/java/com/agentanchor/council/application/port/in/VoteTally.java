package com.agentanchor.council.application.port.in;

import java.util.List;
import java.util.UUID;

import com.agentanchor.council.domain.Vote;
import com.agentanchor.council.domain.Votes;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The origin's {@code votes} shape: counts, then who voted what and why. */
public record VoteTally(@JsonProperty("for") int inFavour, int against, int abstain, List<CastBallot> validators) {

    public record CastBallot(UUID validatorId, String vote, String reason) {
    }

    public static VoteTally of(Votes votes) {
        return new VoteTally(votes.count(Vote.FOR),
                votes.count(Vote.AGAINST),
                votes.count(Vote.ABSTAIN),
                votes.ballots().stream().map(b -> new CastBallot(b.validatorId(), b.vote().wireName(), b.reason()))
                        .toList());
    }
}
