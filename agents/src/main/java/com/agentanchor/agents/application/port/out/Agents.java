package com.agentanchor.agents.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.agents.application.port.in.AgentQuery;
import com.agentanchor.agents.application.port.in.TrustAdjustment;
import com.agentanchor.agents.domain.Agent;
import com.agentanchor.agents.domain.AgentStatus;
import com.agentanchor.platform.paging.Cursor;

/** The stored agents, as far as the acting user's row-level security lets them be seen. */
public interface Agents {

    Agent insert(Agent agent);

    Optional<Agent> find(UUID id);

    /** Only rows the acting user may update; locked for the rest of the transaction. */
    Optional<Agent> findEditable(UUID id);

    /**
     * Newest first, narrowed by the query's filters ({@code mine} for {@code viewer}); from {@code after} (exclusive)
     * when given, else skipping {@code offset}.
     */
    List<Agent> visible(UUID viewer, AgentQuery query, Cursor.Position after, int offset, int limit);

    /** The agent's trust changes the acting user may see, newest first, from {@code before} (exclusive) when given. */
    List<TrustHistoryEntry> trustHistory(UUID agentId, Cursor.Position before, int limit);

    /**
     * Through {@code retire_own_agent} (its owner only, any status but retired; stamps retired_at); returns the
     * status the agent had.
     */
    AgentStatus retireOwn(UUID id);

    /** The owner's active agents, newest first. */
    List<Agent> activeOf(UUID ownerId, int limit);

    Agent update(Agent agent);

    /**
     * The agent as its reviewer sees it ({@link Agent#underReview}); present only if the acting user may govern it
     * ({@code agent_under_review}, {@code may_govern_agent}).
     */
    Optional<Agent> underReview(UUID id);

    /** Through {@code apply_trust_change}: clamped, recorded in trust_history, refused unless the actor may govern. */
    TrustMove applyTrustChange(UUID id, TrustAdjustment adjustment);

    /** Through {@code record_agent_outcomes()}: a tally for the acting agent, to be settled. */
    void recordOutcomes(int successes, int failures);

    /**
     * Through {@code settle_agent_outcomes()}: the acting agent's waiting tallies onto its row; empty when there were
     * none, or when another transaction holds the row (which then settles them after its commit).
     */
    Optional<SettledOutcomes> settleOutcomes();

    /**
     * Through {@code settle_unsettled_outcomes()}: every agent's tallies older than {@code waited}, wherever its row
     * is free.
     */
    List<SettledOutcomes> settleUnsettled(Duration waited);

    /** Through {@code change_agent_status} (the council's moves); returns the status the agent had. */
    AgentStatus changeStatus(UUID id, AgentStatus status);

    /** Through {@code advance_own_agent} (the owner's academy steps); returns the status the agent had. */
    AgentStatus advanceOwn(UUID id, AgentStatus status);
}
