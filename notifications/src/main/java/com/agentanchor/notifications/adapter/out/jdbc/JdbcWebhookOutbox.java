package com.agentanchor.notifications.adapter.out.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.notifications.application.port.out.WebhookOutbox;

/**
 * The outbox: queued by the recipient under row-level security (INSERT of their own rows only); claimed and
 * recorded only through the definer functions {@code claim_webhook_deliveries} and {@code record_webhook_attempt},
 * since the worker acts for nobody and the app role may not update a delivery.
 */
@Repository
class JdbcWebhookOutbox implements WebhookOutbox {

    private final JdbcClient jdbc;

    JdbcWebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enqueue(UUID id, UUID recipientId, String url, String payload) {
        jdbc.sql("INSERT INTO webhook_deliveries (id, recipient_id, url, payload) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(id, recipientId, url, payload).update();
    }

    @Override
    public List<DueWebhook> claimDue(int limit, Duration lease) {
        return jdbc.sql("SELECT id, url, payload, attempts, secret FROM claim_webhook_deliveries(?, ?::interval)")
                .params(limit, lease.toSeconds() + " seconds")
                .query((rs, n) -> new DueWebhook(rs.getObject("id", UUID.class), rs.getString("url"),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getString("secret")))
                .list();
    }

    @Override
    public boolean record(UUID id, int attempt, Status status, String error, Duration retryIn) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT record_webhook_attempt(?, ?, ?, ?, ?::interval)")
                .params(id, attempt, status.name(), error, retryIn == null ? null : retryIn.toSeconds() + " seconds")
                .query(Boolean.class).single());
    }
}
