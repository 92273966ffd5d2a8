package com.agentanchor.agents.domain;

import java.util.List;

import org.jmolecules.ddd.annotation.ValueObject;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** How an agent runs. Every field is optional; the origin stored the same shape as jsonb. */
@ValueObject
public record AgentConfig(
        @Min(1) @Max(1_000_000) Integer maxTokens,
        @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> allowedTools,
        AutonomyLevel autonomyLevel) {

    public static final AgentConfig EMPTY = new AgentConfig(null, null, null, null);

    public AgentConfig {
        allowedTools = allowedTools == null ? null : List.copyOf(allowedTools);
    }
}
