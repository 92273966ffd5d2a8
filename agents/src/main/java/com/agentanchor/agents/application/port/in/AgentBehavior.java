package com.agentanchor.agents.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * What an agent's reported outcomes do: they count toward its interactions, and move its trust by the behaviour
 * rule the database holds ({@code settle_outcomes_of()}: +1 per 100th success, -1 per 20th failure, never past
 * Trusted on its own word).
 * <p>
 * Reports of one agent must not wait for each other, so outcomes are recorded as tallies and settled onto the
 * agent's row by whichever transaction finds the row free: {@link #recordOutcomes} runs in the report's transaction
 * and settles there when it can; when it could not (another report held the row), {@link #settleOutcomes} tries
 * again right after its commit, and what is still left waiting then is settled by the next report of the agent or
 * by the sweep ({@code AGENTANCHOR_AGENTS_OUTCOME_SWEEP}).
 */
@PrimaryPort
public interface AgentBehavior {

    /**
     * In the caller's transaction, as the calling agent, as its last statement (the agent's row stays locked when
     * it was settled). True when these outcomes are settled already; false when they wait for
     * {@link #settleOutcomes} (or nothing was reported).
     */
    boolean recordOutcomes(CallingAgent agent, int successes, int failures);

    /** After the reporting transaction committed: settles what reports committed meanwhile left waiting. */
    void settleOutcomes(CallingAgent agent);
}
