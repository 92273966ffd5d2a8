package com.agentanchor.notifications.adapter.out.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.notifications.application.port.out.WebhookSecretStore;
import com.agentanchor.notifications.domain.WebhookSecret;

/** Through the definer function {@code set_webhook_secret}: the app role holds no privilege on the secrets table. */
@Repository
class JdbcWebhookSecrets implements WebhookSecretStore {

    private final JdbcClient jdbc;

    JdbcWebhookSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Instant store(WebhookSecret secret) {
        return jdbc.sql("SELECT set_webhook_secret(?)").param(secret.value()).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).single()
                .toInstant();
    }
}
