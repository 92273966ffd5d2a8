package com.agentanchor.truthchain.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A verification found the chain broken at {@code sequence}: a record altered, missing, unsigned or cut off
 * ({@code defect} names which, as the verify API does). Raised once per broken link and defect per running app.
 */
@DomainEvent
public record ChainIntegrityViolated(UUID eventId, long sequence, String defect, String reason, Instant detectedAt) {
}
