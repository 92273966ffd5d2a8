package com.agentanchor.council.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.council.application.port.in.RequestDecision;
import com.agentanchor.council.domain.Outcome;
import com.agentanchor.council.domain.Votes;

/** Stored council decisions, under the acting user's row-level security. */
public interface Decisions {

    /**
     * A new request, pending or (when routine) approved; row-level security refuses an agent the acting user does
     * not own, and an approval the rules do not allow.
     */
    StoredDecision insert(RequestDecision request, Outcome status, String reasoning);

    Optional<StoredDecision> find(UUID id);

    /** The decision if it is pending and the acting user may vote on it, locked until the transaction ends. */
    Optional<StoredDecision> lockForVote(UUID id);

    /** Records the votes and where they leave the decision (decided_at is set once it is decided). */
    StoredDecision recordVotes(UUID id, Votes votes, Outcome status, String reasoning, int trustImpact);

    List<StoredDecision> pending(int limit);

    /**
     * Overrides the decision's verdict for the acting user, if the database agrees they may (they own the agent,
     * the council decided it, it is not a suspension or reinstatement); the verdict overridden, or empty.
     */
    Optional<String> override(UUID id, String reason);

    boolean actingUserIsValidator();
}
