package com.agentanchor.agents.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * What an agent's reported outcomes do: they count toward its interactions, and move its trust by the behaviour
 * rule the database holds ({@code record_agent_outcomes()}: +1 per 100th success, -1 per 20th failure, never past
 * Trusted on its own word). Runs in the caller's transaction, as the calling agent.
 */
@PrimaryPort
public interface AgentBehavior {

    void recordOutcomes(CallingAgent agent, int successes, int failures);
}
