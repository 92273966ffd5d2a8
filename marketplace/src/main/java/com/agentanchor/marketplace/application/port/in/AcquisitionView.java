package com.agentanchor.marketplace.application.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.agentanchor.marketplace.domain.AcquisitionStatus;
import com.agentanchor.marketplace.domain.AcquisitionType;

/** An acquisition as its consumer, or the acquired agent's owner, sees it. */
public record AcquisitionView(UUID id, UUID listingId, UUID agentId, UUID consumerId, AcquisitionType acquisitionType,
        AcquisitionStatus status, BigDecimal commissionRateAtAcquisition, Instant createdAt) {
}
