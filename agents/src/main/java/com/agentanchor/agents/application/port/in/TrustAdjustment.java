package com.agentanchor.agents.application.port.in;

import java.util.UUID;

/** How much an agent's trust should move, and why; {@code referenceId} names what caused it (a decision, …). */
public record TrustAdjustment(int change, TrustSource source, String reason, UUID referenceId, String referenceType) {
}
