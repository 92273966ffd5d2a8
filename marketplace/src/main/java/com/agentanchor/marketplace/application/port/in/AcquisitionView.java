package com.agentanchor.marketplace.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.agentanchor.marketplace.domain.Acquisition;
import com.agentanchor.marketplace.domain.AcquisitionStatus;
import com.agentanchor.marketplace.domain.AcquisitionType;

/**
 * An acquisition as its consumer, or the listing's seller, sees it. {@code priceAtAcquisition} (a clone's or an
 * enterprise lock's) and {@code commissionRateAtAcquisition} (per use) are the listing's terms when it was made;
 * {@code totalSpent} is {@code totalUsage} at that rate; {@code clonedAgentId} is the consumer's copy, for a clone.
 */
public record AcquisitionView(UUID id, UUID listingId, UUID agentId, UUID consumerId, AcquisitionType acquisitionType,
        AcquisitionStatus status, UUID clonedAgentId, BigDecimal priceAtAcquisition,
        BigDecimal commissionRateAtAcquisition, int totalUsage, BigDecimal totalSpent, boolean canWalkAway,
        String walkAwayReason, Integer rating, String review, Instant reviewedAt, Instant createdAt,
        Instant updatedAt, Instant expiresAt, Instant terminatedAt) {

    public static AcquisitionView of(Acquisition a) {
        return new AcquisitionView(a.id(), a.listingId(), a.agentId(), a.consumerId(), a.type(), a.status(),
                a.clonedAgentId(), a.priceAtAcquisition(), a.commissionRateAtAcquisition(), a.totalUsage(),
                a.totalSpent(), a.canWalkAway(), a.walkAwayReason(), a.rating(), a.review(), a.reviewedAt(),
                a.createdAt(), a.updatedAt(), a.expiresAt(), a.terminatedAt());
    }
}
