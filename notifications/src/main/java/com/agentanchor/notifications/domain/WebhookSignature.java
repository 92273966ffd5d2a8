package com.agentanchor.notifications.domain;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Standard Webhooks' signature of one attempt: {@code v1,} and the base64 HMAC-SHA256, keyed with the secret's
 * bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}. Computed by the specification's own Java library, so
 * receivers verifying with any of its libraries agree with us by construction.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(WebhookSecret secret, String messageId, long timestampSeconds, String body) {
        try {
            return new Webhook(secret.value()).sign(messageId, timestampSeconds, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JDK", e);
        }
    }
}
