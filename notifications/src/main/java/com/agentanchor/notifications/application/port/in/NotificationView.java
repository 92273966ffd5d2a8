package com.agentanchor.notifications.application.port.in;

import java.time.Instant;
import java.util.UUID;

import com.agentanchor.notifications.domain.Notification;
import com.agentanchor.notifications.domain.NotificationType;

/** A notification as its recipient sees it; {@code readAt} null while unread. */
public record NotificationView(UUID id, String kind, NotificationType type, String title, String message,
        String actionUrl, Instant createdAt, Instant readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.kind(), n.type(), n.title(), n.message(), n.actionUrl(), n.createdAt(),
                n.readAt());
    }
}
