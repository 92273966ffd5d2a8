package com.agentanchor.notifications.application.service;

import java.security.SecureRandom;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.notifications.application.port.in.IssuedWebhookSecret;
import com.agentanchor.notifications.application.port.in.WebhookSecrets;
import com.agentanchor.notifications.application.port.out.WebhookSecretStore;
import com.agentanchor.notifications.domain.WebhookSecret;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class WebhookSecretService implements WebhookSecrets {

    private final WebhookSecretStore store;
    private final SecureRandom random = new SecureRandom();

    WebhookSecretService(WebhookSecretStore store) {
        this.store = store;
    }

    @Override
    @Transactional
    public IssuedWebhookSecret issue(ProfileId owner) {
        var secret = WebhookSecret.generate(random);
        return new IssuedWebhookSecret(secret.value(), store.store(secret));
    }
}
