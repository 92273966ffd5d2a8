package com.agentanchor.agents.domain;

/** How much an agent may do before asking. */
public enum AutonomyLevel {
    low, medium, high
}
