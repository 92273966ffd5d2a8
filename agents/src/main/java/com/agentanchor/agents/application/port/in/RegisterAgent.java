package com.agentanchor.agents.application.port.in;

import org.springframework.modulith.NamedInterface;

import com.agentanchor.agents.domain.AgentConfig;
import com.agentanchor.agents.domain.AgentMetadata;

/**
 * A trainer's request for a new agent; a missing model means the platform default.
 *
 * <p>Named on the type as well as on its package: Spring Modulith then carries the named interface over to the domain
 * types its signature uses (AgentConfig, AgentMetadata), which callers in other modules need.
 */
@NamedInterface("api")
public record RegisterAgent(String name, String description, String systemPrompt, String model, AgentConfig config,
        AgentMetadata metadata) {
}
