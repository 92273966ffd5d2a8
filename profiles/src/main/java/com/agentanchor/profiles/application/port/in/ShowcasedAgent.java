package com.agentanchor.profiles.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agent on its owner's public page: one in public view (active), as anyone sees it. */
public record ShowcasedAgent(UUID id, String name, String description, int trustScore, String trustTier,
        String category, List<String> tags, Instant graduatedAt) {
}
