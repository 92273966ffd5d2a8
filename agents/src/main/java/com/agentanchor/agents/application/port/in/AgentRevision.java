package com.agentanchor.agents.application.port.in;

import com.agentanchor.agents.domain.AgentConfig;
import com.agentanchor.agents.domain.AgentMetadata;

/** An owner's edit; {@code null} keeps a value, an empty string clears an optional text. */
public record AgentRevision(String name, String description, String systemPrompt, String model, AgentConfig config,
        AgentMetadata metadata) {
}
