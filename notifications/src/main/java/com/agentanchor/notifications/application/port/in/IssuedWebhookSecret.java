package com.agentanchor.notifications.application.port.in;

import java.time.Instant;

/** A new webhook signing secret, {@code whsec_…}: in this answer and nowhere else, ever. */
public record IssuedWebhookSecret(String secret, Instant createdAt) {
}
