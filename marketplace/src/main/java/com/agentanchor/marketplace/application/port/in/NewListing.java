package com.agentanchor.marketplace.application.port.in;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What a seller lists: an agent of theirs, a title, and optionally a description, a commission rate, a category and tags. */
public record NewListing(UUID agentId, String title, String description, BigDecimal commissionRate, String category,
        List<String> tags) {

    public NewListing {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
