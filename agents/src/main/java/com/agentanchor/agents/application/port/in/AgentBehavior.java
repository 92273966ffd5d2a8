package com.agentanchor.agents.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * What an agent's reported outcomes do: they count toward its interactions, and move its trust by the behaviour
 * rule the database holds ({@code settle_outcomes_of()}: +1 per 100th success, -1 per 20th failure, never past
 * Trusted on its own word).
 * <p>
 * Reports of one agent must not wait for each other, so outcomes are recorded as tallies and settled onto the
 * agent's row by whichever transaction finds the row free: {@link #recordOutcomes} runs in the report's transaction
 * (and settles there when it can), {@link #settleOutcomes} right after its commit. A reporter that sees its call
 * return has its outcomes counted, or another report in flight is counting them.
 */
@PrimaryPort
public interface AgentBehavior {

    /** In the caller's transaction, as the calling agent, as its last statement (the agent's row stays locked). */
    void recordOutcomes(CallingAgent agent, int successes, int failures);

    /** After the reporting transaction committed: settles what reports committed meanwhile left waiting. */
    void settleOutcomes(CallingAgent agent);
}
