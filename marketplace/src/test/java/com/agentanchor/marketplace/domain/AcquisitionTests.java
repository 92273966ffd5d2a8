package com.agentanchor.marketplace.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The acquisition's own rules, without Spring or a database. */
class AcquisitionTests {

    @Test
    void spendIsAllUsesAtTheCopiedRateRoundedOnce() {
        var a = acquisition(AcquisitionType.commission, AcquisitionStatus.active, true, 3, new BigDecimal("0.1234"));
        assertThat(a.spentAfter(2)).isEqualByComparingTo("0.62"); // 5 × 0.1234 = 0.617, not 0.37 + 0.25
        assertThat(acquisition(AcquisitionType.commission, AcquisitionStatus.active, true, 0, null).spentAfter(9))
                .isEqualByComparingTo("0");
    }

    @Test
    void aCloneIsBoughtOutrightAndOnlyAnActiveCommissionIsPaidPerUse() {
        var clone = acquisition(AcquisitionType.clone, AcquisitionStatus.active, false, 0, null);
        assertThat(clone.whyNotWalkAway()).isPresent();
        assertThat(clone.whyNotTerminate()).isPresent();
        assertThat(clone.whyNoUsage()).isPresent();
        var commission = acquisition(AcquisitionType.commission, AcquisitionStatus.active, true, 0, BigDecimal.ONE);
        assertThat(commission.whyNotWalkAway()).isEmpty();
        assertThat(commission.whyNotTerminate()).isEmpty();
        assertThat(commission.whyNoUsage()).isEmpty();
        var ended = acquisition(AcquisitionType.commission, AcquisitionStatus.terminated, true, 0, BigDecimal.ONE);
        assertThat(ended.whyNotWalkAway()).isPresent();
        assertThat(ended.whyNotTerminate()).isPresent();
        assertThat(ended.whyNoUsage()).isPresent();
        var lock = acquisition(AcquisitionType.enterprise_lock, AcquisitionStatus.active, true, 0, null);
        assertThat(lock.whyNotTerminate()).isEmpty();
        assertThat(lock.whyNoUsage()).isPresent();
    }

    @Test
    void aReviewIsWrittenOnce() {
        var a = acquisition(AcquisitionType.commission, AcquisitionStatus.active, true, 0, null);
        assertThat(a.whyNotReview()).isEmpty();
        var reviewed = new Acquisition(a.id(), a.listingId(), a.agentId(), a.consumerId(), a.type(), a.status(), null,
                null, null, 0, BigDecimal.ZERO, true, null, 4, "fine", Instant.now(), null, null, null, null);
        assertThat(reviewed.whyNotReview()).isPresent();
    }

    private static Acquisition acquisition(AcquisitionType type, AcquisitionStatus status, boolean canWalkAway,
            int usage, BigDecimal rate) {
        return new Acquisition(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), type,
                status, null, null, rate, usage, BigDecimal.ZERO, canWalkAway, null, null, null, null, Instant.now(),
                Instant.now(), null, null);
    }
}
