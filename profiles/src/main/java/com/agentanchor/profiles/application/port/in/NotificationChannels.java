package com.agentanchor.profiles.application.port.in;

import com.agentanchor.profiles.domain.NotificationPreferences;

/** Where a user wants to hear about things, as other modules read it ({@code webhookUrl} null unless set). */
public record NotificationChannels(boolean email, boolean inApp, boolean webhook, String webhookUrl) {

    public static NotificationChannels of(NotificationPreferences p) {
        return new NotificationChannels(p.email(), p.inApp(), p.webhook(), p.webhookUrl());
    }
}
