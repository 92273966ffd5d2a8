package com.agentanchor.notifications.application.port.out;

import java.time.Instant;

import com.agentanchor.notifications.domain.WebhookSecret;

/** Where the acting user's signing secret is kept, to be read back only for signing. */
public interface WebhookSecretStore {

    /** Replaces the acting user's secret; when it was set. */
    Instant store(WebhookSecret secret);
}
