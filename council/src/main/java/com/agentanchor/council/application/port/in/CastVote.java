package com.agentanchor.council.application.port.in;

import com.agentanchor.council.domain.Vote;

/** A validator's vote on a pending decision. */
public record CastVote(Vote vote, String reason) {
}
