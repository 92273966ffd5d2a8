package com.agentanchor.agents.domain;

/** Where an agent is in its life; the database enum {@code agent_status}. */
public enum AgentStatus {
    draft, training, examination, active, suspended, retired;

    /** Whether a suspension would change anything. */
    public boolean suspendable() {
        return this != suspended && this != retired;
    }

    /** Where a lifted suspension leads: an agent that graduated is active again; one that never did starts over. */
    public static AgentStatus reinstated(boolean graduated) {
        return graduated ? active : draft;
    }
}
