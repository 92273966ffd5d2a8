package com.agentanchor.agents.application.port.out;

import java.time.Instant;
import java.util.UUID;

import com.agentanchor.agents.application.port.in.TrustChangeView;

/** A stored line of trust_history: the change as shown, and its id, which keyset pages break ties with. */
public record TrustHistoryEntry(UUID id, TrustChangeView change) {

    public Instant createdAt() {
        return change.createdAt();
    }
}
