package com.agentanchor.marketplace.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.agentanchor.marketplace.domain.ListingStatus;

/** A listing as anyone sees it (active ones) or its seller sees it (all of theirs). */
public record ListingView(UUID id, UUID agentId, UUID sellerId, String title, String description,
        ListingStatus status, BigDecimal commissionRate, String category, List<String> tags, int acquisitionCount,
        Instant createdAt, Instant publishedAt) {

    public boolean onSale() {
        return status == ListingStatus.active;
    }
}
