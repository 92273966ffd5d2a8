package com.agentanchor.marketplace.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.agentanchor.marketplace.domain.Listing;
import com.agentanchor.marketplace.domain.ListingStatus;

/**
 * A listing as anyone sees it (active ones) or its seller sees it (all of theirs): every column of the origin's
 * listing, in camelCase. {@code commissionRate} is the price per use under commission; {@code maxClones} null means
 * no limit; {@code averageRating} is null until the first review.
 */
public record ListingView(UUID id, UUID agentId, UUID sellerId, String title, String description,
        ListingStatus status, BigDecimal commissionRate, BigDecimal clonePrice, BigDecimal enterprisePrice,
        boolean availableForCommission, boolean availableForClone, boolean availableForEnterprise, Integer maxClones,
        int currentClones, String category, List<String> tags, Map<String, Object> previewConfig, int viewCount,
        int acquisitionCount, BigDecimal averageRating, int reviewCount, Instant createdAt, Instant updatedAt,
        Instant publishedAt) {

    public static ListingView of(Listing l) {
        var t = l.terms();
        return new ListingView(l.id(), l.agentId(), l.sellerId(), l.title(), l.description(), l.status(),
                t.commissionRate(), t.clonePrice(), t.enterprisePrice(), t.availableForCommission(),
                t.availableForClone(), t.availableForEnterprise(), t.maxClones(), l.currentClones(), l.category(),
                l.tags(), l.previewConfig(), l.viewCount(), l.acquisitionCount(), l.averageRating(), l.reviewCount(),
                l.createdAt(), l.updatedAt(), l.publishedAt());
    }
}
