package com.agentanchor.profiles.events;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A user deleted their profile, and with it their agents, listings and acquisitions. Published inside the deleting
 * transaction before the rows go, so that a module keeping data about them outside those rows (the truth chain's
 * private fields) erases it in the same transaction, while it can still tell which are theirs.
 */
@DomainEvent
public record ProfileDeleted(UUID eventId, UUID profileId, Instant occurredAt) {
}
