package com.agentanchor.council.application.port.in;

import org.springframework.modulith.NamedInterface;

import com.agentanchor.council.domain.Vote;

/**
 * A validator's vote on a pending decision.
 *
 * <p>Named on the type as well as on its package: Spring Modulith then carries the named interface over to the domain
 * types its signature uses (Vote), which callers in other modules need.
 */
@NamedInterface("api")
public record CastVote(Vote vote, String reason) {
}
