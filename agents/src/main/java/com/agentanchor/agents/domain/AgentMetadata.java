package com.agentanchor.agents.domain;

import java.util.List;

import org.jmolecules.ddd.annotation.ValueObject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** How an agent is catalogued. Every field is optional. */
@ValueObject
public record AgentMetadata(
        @Size(max = 100) String category,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 50) String version) {

    public static final AgentMetadata EMPTY = new AgentMetadata(null, null, null);

    public AgentMetadata {
        tags = tags == null ? null : List.copyOf(tags);
    }
}
