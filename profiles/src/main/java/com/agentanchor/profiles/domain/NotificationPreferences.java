package com.agentanchor.profiles.domain;

import org.jmolecules.ddd.annotation.ValueObject;

/** Where a user wants to hear about their agents. A webhook needs somewhere to go. */
@ValueObject
public record NotificationPreferences(boolean email, boolean inApp, boolean webhook, String webhookUrl) {

    public static final NotificationPreferences DEFAULT = new NotificationPreferences(true, true, false, null);

    public NotificationPreferences {
        if (webhook && (webhookUrl == null || webhookUrl.isBlank())) {
            throw new IllegalArgumentException("webhookUrl is required when webhook notifications are on");
        }
    }
}
