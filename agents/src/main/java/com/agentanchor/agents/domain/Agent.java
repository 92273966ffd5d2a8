package com.agentanchor.agents.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/** An AI agent built by a trainer. Trust and status move through their own use cases, not through edits. */
@AggregateRoot
public record Agent(
        @Identity UUID id,
        UUID ownerId,
        String name,
        String description,
        String systemPrompt,
        String model,
        AgentStatus status,
        int trustScore,
        AgentConfig config,
        AgentMetadata metadata,
        int totalInteractions,
        int successfulInteractions,
        Instant createdAt,
        Instant updatedAt,
        Instant graduatedAt,
        Instant retiredAt) {

    public static final String DEFAULT_MODEL = "claude-3-5-sonnet-20241022";
    public static final int INITIAL_TRUST_SCORE = 100;

    public Agent {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        config = config == null ? AgentConfig.EMPTY : config;
        metadata = metadata == null ? AgentMetadata.EMPTY : metadata;
    }

    /** A new agent: a draft with the starting trust score, not yet stored. */
    public static Agent register(UUID ownerId, String name, String description, String systemPrompt, String model,
            AgentConfig config, AgentMetadata metadata) {
        return new Agent(null, ownerId, name.strip(), blankToNull(description), blankToNull(systemPrompt),
                model == null || model.isBlank() ? DEFAULT_MODEL : model.strip(), AgentStatus.draft,
                INITIAL_TRUST_SCORE, config, metadata, 0, 0, null, null, null, null);
    }

    /** The owner's edit: {@code null} keeps a value, an empty string clears an optional text. */
    public Agent revise(String name, String description, String systemPrompt, String model, AgentConfig config,
            AgentMetadata metadata) {
        return new Agent(id, ownerId, name == null ? this.name : name.strip(),
                description == null ? this.description : blankToNull(description),
                systemPrompt == null ? this.systemPrompt : blankToNull(systemPrompt),
                model == null ? this.model : model.strip(), status, trustScore,
                config == null ? this.config : config, metadata == null ? this.metadata : metadata,
                totalInteractions, successfulInteractions, createdAt, updatedAt, graduatedAt, retiredAt);
    }

    public TrustTier trustTier() {
        return TrustTier.of(trustScore);
    }

    public boolean isOwnedBy(UUID profileId) {
        return ownerId.equals(profileId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
