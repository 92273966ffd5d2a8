package com.agentanchor.agents.application.port.in;

import java.time.Instant;
import java.util.UUID;

/** A key as lists show it: the first characters of the secret, never the rest. */
public record AgentKeyView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {
}
