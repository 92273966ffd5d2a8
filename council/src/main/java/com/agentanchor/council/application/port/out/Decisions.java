package com.agentanchor.council.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.council.domain.Decision;
import com.agentanchor.council.domain.DecisionStatus;
import com.agentanchor.platform.paging.Cursor;

/** Stored council decisions, under the acting user's row-level security. */
public interface Decisions {

    /**
     * Stores a new request as {@link Decision#request} made it; row-level security refuses an agent the acting user
     * does not own, and an approval the rules do not allow. {@code context} is what the asker said about it.
     */
    Decision insert(Decision request, Map<String, Object> context, Instant expiresAt);

    /** Through {@code expire_council_decisions()}: rejects the pending requests whose time ran out. */
    List<LapsedDecision> expireDue();

    /**
     * Through {@code lapse_retired_agent_decisions()}: rejects the pending requests of an agent that retired (none
     * unless it is retired).
     */
    List<LapsedDecision> lapseForRetiredAgent(UUID agentId);

    Optional<Decision> find(UUID id);

    /** The decision if it is pending and the acting user may vote on it, locked until the transaction ends. */
    Optional<Decision> lockForVote(UUID id);

    /** Stores the votes of a decision and where they leave it ({@code decided_at} is set once it is decided). */
    Decision recordVotes(Decision decision);

    List<Decision> pending(int limit);

    /** Newest first, from {@code before} (exclusive) when given; of one agent, in one status, when those are given. */
    List<Decision> history(UUID agentId, DecisionStatus status, Cursor.Position before, int limit);

    /**
     * Overrides the decision's verdict for the acting user, if the database agrees they may (they own the agent,
     * the council decided it, it is not a suspension or reinstatement); the verdict overridden, or empty.
     */
    Optional<DecisionStatus> override(UUID id, String reason);

    boolean actingUserIsValidator();

    /**
     * Through {@code sign_off_council_decision()}: false when there is no such decision.
     *
     * @throws com.agentanchor.council.application.port.in.SignOffRefused for the agent's owner or a voter
     * @throws com.agentanchor.council.application.port.in.NotEscalated unless it is escalated
     */
    boolean signOff(UUID id, String reason);
}
