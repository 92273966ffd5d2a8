package com.agentanchor.profiles.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A listing on its seller's public page: an active one, as the catalogue shows it. */
public record ShowcasedListing(UUID id, UUID agentId, String title, String description, BigDecimal commissionRate,
        String category, List<String> tags, int acquisitionCount, Instant publishedAt) {
}
