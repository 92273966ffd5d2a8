package com.agentanchor.marketplace.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/**
 * A consumer's hold on a listed agent, with the listing's terms as they were when it was made (copied by the
 * database, never by the caller). Its moves are made by definer functions, each the SQL twin of a rule below.
 */
@AggregateRoot
public record Acquisition(
        @Identity UUID id,
        UUID listingId,
        UUID agentId,
        UUID consumerId,
        AcquisitionType type,
        AcquisitionStatus status,
        UUID clonedAgentId,
        BigDecimal priceAtAcquisition,
        BigDecimal commissionRateAtAcquisition,
        int totalUsage,
        BigDecimal totalSpent,
        boolean canWalkAway,
        String walkAwayReason,
        Integer rating,
        String review,
        Instant reviewedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        Instant terminatedAt) {

    public Acquisition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }

    public boolean isHeldBy(UUID profileId) {
        return consumerId.equals(profileId);
    }

    /** Why its consumer may not walk away now; the SQL twin is {@code walk_away}. */
    public Optional<String> whyNotWalkAway() {
        if (status != AcquisitionStatus.active) {
            return Optional.of("Acquisition " + id + " is " + status + " already");
        }
        if (!canWalkAway) {
            return Optional.of("Acquisition " + id + " is a " + type + ": bought outright, nothing to walk away from");
        }
        return Optional.empty();
    }

    /** Why its seller may not terminate it now; the SQL twin is {@code terminate_acquisition}. */
    public Optional<String> whyNotTerminate() {
        if (status != AcquisitionStatus.active) {
            return Optional.of("Acquisition " + id + " is " + status + " already");
        }
        if (type == AcquisitionType.clone) {
            return Optional.of("Acquisition " + id + " is a clone: the copy is its consumer's agent now");
        }
        return Optional.empty();
    }

    /** Why uses may not be recorded against it; the SQL twin is {@code record_acquisition_usage}. */
    public Optional<String> whyNoUsage() {
        if (type != AcquisitionType.commission) {
            return Optional.of("Acquisition " + id + " is a " + type + ": only commissions are paid per use");
        }
        if (status != AcquisitionStatus.active) {
            return Optional.of("Acquisition " + id + " is " + status);
        }
        return Optional.empty();
    }

    /**
     * What the consumer has spent after {@code uses} more: all uses at the copied rate, rounded to the cent once
     * (as {@code record_acquisition_usage} computes it), so that rounding never accumulates.
     */
    public BigDecimal spentAfter(int uses) {
        var rate = commissionRateAtAcquisition == null ? BigDecimal.ZERO : commissionRateAtAcquisition;
        return rate.multiply(BigDecimal.valueOf((long) totalUsage + uses)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Why its consumer may not review it; once only. The SQL twin is {@code guard_review}. */
    public Optional<String> whyNotReview() {
        return reviewedAt == null ? Optional.empty()
                : Optional.of("Acquisition " + id + " was reviewed already, at " + reviewedAt);
    }
}
