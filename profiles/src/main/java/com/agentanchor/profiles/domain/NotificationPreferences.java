package com.agentanchor.profiles.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * Where a user wants to hear about their agents. A webhook needs somewhere to go: an absolute http(s) URL with a
 * host, a port a connection can be made to (if it names one) and no user info (credentials in a URL would be stored
 * and logged as plain text). Which addresses it may reach is decided when it is sent (the notifications module,
 * against the operator's allowlist), since names resolve differently over time.
 */
@ValueObject
public record NotificationPreferences(boolean email, boolean inApp, boolean webhook, String webhookUrl) {

    /** What {@link #isWebhookUrl} asks, as a client is told. */
    public static final String RULE = "webhookUrl must be an http(s) URL with a host, a port from 1 to 65535 if any, "
            + "and no user info";

    public static final NotificationPreferences DEFAULT = new NotificationPreferences(true, true, false, null);

    public NotificationPreferences {
        if (webhook && (webhookUrl == null || webhookUrl.isBlank())) {
            throw new IllegalArgumentException("webhookUrl is required when webhook notifications are on");
        }
        if (webhookUrl != null && !webhookUrl.isBlank() && !isWebhookUrl(webhookUrl)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** The rule the profile API checks too, so that a bad URL is a 400 naming the field rather than a 500. */
    public static boolean isWebhookUrl(String url) {
        try {
            var uri = new URI(url);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && (uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65_535)
                    && uri.getRawUserInfo() == null && url.length() <= 2048;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
