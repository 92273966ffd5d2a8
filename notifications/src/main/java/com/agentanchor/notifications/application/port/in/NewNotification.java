package com.agentanchor.notifications.application.port.in;

import java.time.Instant;
import java.util.UUID;

import com.agentanchor.notifications.domain.NotificationType;
import com.agentanchor.profiles.application.port.in.ProfileId;

/** What happened ({@code eventId}, {@code kind}), told to {@code recipient} in a few words. */
public record NewNotification(UUID eventId, ProfileId recipient, String kind, NotificationType type, String title,
        String message, String actionUrl, Instant occurredAt) {
}
