package com.agentanchor.observer.application.port.in;

import java.time.Instant;
import java.util.UUID;

/** Where an observation landed in the log. */
public record RecordedObservation(UUID id, long sequence, Instant createdAt) {
}
