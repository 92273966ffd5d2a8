package com.agentanchor.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/**
 * Something one user hears about: in their inbox, on their webhook, or both. Its id is derived from the event it
 * tells of and its recipient, so an event delivered twice (the registry retries until a listener completes) is still
 * one notification, and its webhook keeps one {@code webhook-id} however often it is sent. Once written, only
 * {@code readAt} changes (the table's column grant holds the same line).
 */
@AggregateRoot
public record Notification(@Identity UUID id, UUID recipientId, String kind, NotificationType type, String title,
        String message, String actionUrl, Instant createdAt, Instant readAt) {

    /** Dotted lower-case words, e.g. {@code council.decision_made}: the webhook's {@code type}. */
    private static final Pattern KIND = Pattern.compile("[a-z_]+(\\.[a-z_]+)*");
    static final int TITLE = 500;
    static final int MESSAGE = 5000;

    public Notification {
        if (id == null || recipientId == null || type == null || createdAt == null) {
            throw new IllegalArgumentException("a notification needs an id, a recipient, a type and a time");
        }
        if (kind == null || kind.length() > 100 || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("not a notification kind: " + kind);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a notification needs a title");
        }
        title = cut(title, TITLE);
        message = message == null ? null : cut(message, MESSAGE);
    }

    /** A new, unread notification of {@code eventId} for {@code recipientId}. */
    public static Notification of(UUID eventId, UUID recipientId, String kind, NotificationType type, String title,
            String message, String actionUrl, Instant at) {
        return new Notification(idOf(eventId, recipientId), recipientId, kind, type, title, message, actionUrl, at,
                null);
    }

    /** The same for every delivery of one event to one recipient. */
    static UUID idOf(UUID eventId, UUID recipientId) {
        return UUID.nameUUIDFromBytes(("notification/" + eventId + "/" + recipientId).getBytes(StandardCharsets.UTF_8));
    }

    public boolean unread() {
        return readAt == null;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
