package com.agentanchor.marketplace.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A consumer acquired a listed agent. {@code acquisitionType} is the database enum's name; {@code commissionRate} is
 * the listing's rate the acquisition keeps (a fraction, 0 to 1; null when the listing named none). {@code actorId}
 * is who did it, the consumer.
 */
@DomainEvent
public record AgentAcquired(UUID eventId, UUID acquisitionId, UUID listingId, UUID agentId, String agentName,
        UUID sellerId, UUID consumerId, String acquisitionType, BigDecimal commissionRate, UUID actorId,
        Instant occurredAt) {
}
