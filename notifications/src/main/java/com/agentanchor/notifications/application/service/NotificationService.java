package com.agentanchor.notifications.application.service;

import java.util.LinkedHashMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.notifications.application.port.in.Inbox;
import com.agentanchor.notifications.application.port.in.InboxPage;
import com.agentanchor.notifications.application.port.in.InvalidInboxQuery;
import com.agentanchor.notifications.application.port.in.NewNotification;
import com.agentanchor.notifications.application.port.in.NotificationNotFound;
import com.agentanchor.notifications.application.port.in.NotificationView;
import com.agentanchor.notifications.application.port.in.Notifying;
import com.agentanchor.notifications.application.port.out.Notifications;
import com.agentanchor.notifications.application.port.out.WebhookOutbox;
import com.agentanchor.notifications.domain.InboxCursor;
import com.agentanchor.notifications.domain.Notification;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.NotificationRouting;

import tools.jackson.databind.json.JsonMapper;

@Service
class NotificationService implements Notifying, Inbox {

    private final Notifications notifications;
    private final WebhookOutbox outbox;
    private final NotificationRouting profiles;
    private final JsonMapper json;

    NotificationService(Notifications notifications, WebhookOutbox outbox, NotificationRouting profiles,
            JsonMapper json) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.profiles = profiles;
        this.json = json;
    }

    /**
     * The inbox row and the outbox row in one transaction: a notification meant for a webhook is never lost between
     * the two, and the worker never sends one whose transaction rolled back. The URL is the one set at this moment.
     */
    @Override
    @Transactional
    public void notify(NewNotification n) {
        var preferences = profiles.channels(n.recipient());
        var notification = Notification.of(n.eventId(), n.recipient().value(), n.kind(), n.type(), n.title(),
                n.message(), n.actionUrl(), n.occurredAt());
        if (preferences.inApp()) {
            notifications.add(notification);
        }
        if (preferences.webhook() && preferences.webhookUrl() != null) {
            outbox.enqueue(notification.id(), notification.recipientId(), preferences.webhookUrl(),
                    payload(notification));
        }
    }

    /**
     * The body every attempt sends, byte for byte (the signature covers it): Standard Webhooks' envelope, with the
     * kind of event as {@code type} and the notification as {@code data}.
     */
    private String payload(Notification n) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", n.id());
        data.put("type", n.type().name());
        data.put("title", n.title());
        data.put("message", n.message());
        data.put("actionUrl", n.actionUrl());
        data.put("createdAt", n.createdAt().toString());
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("type", n.kind());
        envelope.put("timestamp", n.createdAt().toString());
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }

    @Override
    @Transactional(readOnly = true)
    public InboxPage page(ProfileId reader, String after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInboxQuery("limit", "must be between 1 and " + MAX_LIMIT);
        }
        InboxCursor before = null;
        if (after != null && !after.isBlank()) {
            try {
                before = InboxCursor.parse(after.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInboxQuery("after", e.getMessage());
            }
        }
        var found = notifications.newestFirst(reader.value(), before, limit + 1);
        var items = found.subList(0, Math.min(limit, found.size()));
        var next = found.size() > limit ? InboxCursor.after(items.get(items.size() - 1)).toString() : null;
        return new InboxPage(items.stream().map(NotificationView::of).toList(), next,
                notifications.unread(reader.value()));
    }

    @Override
    @Transactional
    public NotificationView markRead(ProfileId reader, UUID notificationId) {
        return notifications.markRead(notificationId).map(NotificationView::of)
                .orElseThrow(() -> new NotificationNotFound(notificationId));
    }

    @Override
    @Transactional
    public int markAllRead(ProfileId reader) {
        return notifications.markAllRead(reader.value());
    }
}
