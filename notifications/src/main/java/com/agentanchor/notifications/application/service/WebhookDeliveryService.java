package com.agentanchor.notifications.application.service;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.agentanchor.notifications.application.port.in.WebhookDispatch;
import com.agentanchor.notifications.application.port.out.WebhookOutbox;
import com.agentanchor.notifications.application.port.out.WebhookOutbox.DueWebhook;
import com.agentanchor.notifications.application.port.out.WebhookOutbox.Status;
import com.agentanchor.notifications.application.port.out.WebhookTransport;
import com.agentanchor.notifications.domain.RetrySchedule;
import com.agentanchor.notifications.domain.WebhookSecret;
import com.agentanchor.notifications.domain.WebhookSignature;

/**
 * Drains the outbox. Deliberately not {@code @Transactional}: claiming is one statement and each outcome another,
 * so no transaction (and no pooled connection) is held while a receiver takes its time. A webhook is sent at least
 * once: if this instance dies between the POST and recording it, the lease runs out and it is sent again, with the
 * same {@code webhook-id}, which is how receivers recognise a repeat.
 */
@Service
class WebhookDeliveryService implements WebhookDispatch {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryService.class);

    /** Claimed at once; the lease covers sending them one after the other at the transport's longest timeouts. */
    static final int BATCH = 10;
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Batches per run, so one run ends even while new webhooks keep arriving. */
    static final int ROUNDS = 10;

    private final WebhookOutbox outbox;
    private final WebhookTransport transport;
    private final Clock clock;
    private final RetrySchedule retries = RetrySchedule.STANDARD;

    WebhookDeliveryService(WebhookOutbox outbox, WebhookTransport transport, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public int deliverDue() {
        int attempts = 0;
        for (int round = 0; round < ROUNDS; round++) {
            var due = outbox.claimDue(BATCH, LEASE);
            for (var webhook : due) {
                deliver(webhook);
            }
            attempts += due.size();
            if (due.size() < BATCH) {
                break;
            }
        }
        return attempts;
    }

    private void deliver(DueWebhook webhook) {
        if (webhook.secret() == null) {
            // Not given up at once: the user may still fetch a secret before the retries run out.
            failed(webhook, "no signing secret: POST /api/notifications/webhook-secret first");
            return;
        }
        var messageId = webhook.id().toString();
        long timestamp = clock.instant().getEpochSecond(); // of this attempt: receivers refuse stale ones
        var headers = new LinkedHashMap<String, String>();
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature",
                WebhookSignature.sign(new WebhookSecret(webhook.secret()), messageId, timestamp, webhook.payload()));
        var outcome = transport.post(webhook.url(), headers, webhook.payload());
        switch (outcome.kind()) {
            case DELIVERED -> outbox.record(webhook.id(), webhook.attempt(), Status.delivered, null, null);
            case REFUSED -> {
                log.info("Webhook {} refused: {}", webhook.id(), outcome.detail());
                outbox.record(webhook.id(), webhook.attempt(), Status.refused, outcome.detail(), null);
            }
            case FAILED -> failed(webhook, outcome.detail());
        }
    }

    private void failed(DueWebhook webhook, String error) {
        var retry = retries.after(webhook.attempt());
        if (retry.isPresent()) {
            outbox.record(webhook.id(), webhook.attempt(), Status.pending, error, retry.get());
        } else {
            log.warn("Webhook {} given up after {} attempts: {}", webhook.id(), webhook.attempt(), error);
            outbox.record(webhook.id(), webhook.attempt(), Status.failed, error, null);
        }
    }
}
