package com.agentanchor.notifications.domain;

import java.security.SecureRandom;
import java.util.Base64;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * A profile's webhook signing secret in Standard Webhooks' form: {@code whsec_} and the base64 of 32 random bytes
 * (the spec asks for 24 to 64), which are the HMAC key. Shown to its owner once; kept where only the signing path
 * reads it.
 */
@ValueObject
public record WebhookSecret(String value) {

    public static final String PREFIX = "whsec_";
    private static final int RANDOM_BYTES = 32;

    public WebhookSecret {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        var key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("a webhook secret holds 24 to 64 bytes");
        }
    }

    public static WebhookSecret generate(SecureRandom random) {
        var bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return PREFIX + "…"; // never the secret in a log line
    }
}
