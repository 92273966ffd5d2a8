package com.agentanchor.profiles.application.port.in;

import java.time.Instant;
import java.util.UUID;

/** A seat on the council: who, since when, and which admin appointed them (null once that admin is deleted). */
public record ValidatorView(UUID profileId, Instant since, UUID appointedBy) {
}
