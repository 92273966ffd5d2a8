package com.agentanchor.notifications.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Webhooks waiting to be sent, written with the notification and drained by any instance. */
public interface WebhookOutbox {

    /** Queues {@code payload} for {@code url}, unless message {@code id} is queued already. */
    void enqueue(UUID id, UUID recipientId, String url, String payload);

    /**
     * Takes up to {@code limit} due webhooks for this caller alone until {@code lease} ends, counting the attempt;
     * what it does not record by then is due again.
     */
    List<DueWebhook> claimDue(int limit, Duration lease);

    /** The outcome of the attempt claimed; false when the lease was lost to another worker (nothing recorded). */
    boolean record(UUID id, int attempt, Status status, String error, Duration retryIn);

    /** One claimed webhook: its message id, where to, the exact body, which attempt this is, the signing secret. */
    record DueWebhook(UUID id, String url, String payload, int attempt, String secret) {

        @Override
        public String toString() {
            return "DueWebhook[" + id + " to " + url + ", attempt " + attempt + "]"; // not the secret
        }
    }

    enum Status {
        pending, delivered, failed, refused
    }
}
