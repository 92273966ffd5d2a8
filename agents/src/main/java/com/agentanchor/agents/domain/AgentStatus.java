package com.agentanchor.agents.domain;

/** Where an agent is in its life; the database enum {@code agent_status}. */
public enum AgentStatus {
    draft, training, examination, active, suspended, retired
}
