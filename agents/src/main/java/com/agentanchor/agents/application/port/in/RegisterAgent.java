package com.agentanchor.agents.application.port.in;

import com.agentanchor.agents.domain.AgentConfig;
import com.agentanchor.agents.domain.AgentMetadata;

/** A trainer's request for a new agent; a missing model means the platform default. */
public record RegisterAgent(String name, String description, String systemPrompt, String model, AgentConfig config,
        AgentMetadata metadata) {
}
