package com.agentanchor.agents.application.port.in;

import java.time.Instant;
import java.util.UUID;

/** A key as its owner sees it once, at creation: {@code key} is the secret the agent sends. */
public record IssuedAgentKey(UUID id, String name, String key, Instant createdAt) {
}
