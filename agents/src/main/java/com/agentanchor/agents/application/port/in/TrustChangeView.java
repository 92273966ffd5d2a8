package com.agentanchor.agents.application.port.in;

import java.time.Instant;
import java.util.UUID;

/** One move of an agent's trust score and why: a line of its {@code trust_history}. */
public record TrustChangeView(int previousScore, int newScore, int change, TrustSource source, String reason,
        String referenceType, UUID referenceId, Instant createdAt) {
}
