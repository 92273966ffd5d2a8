package com.agentanchor.notifications.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.notifications.domain.InboxCursor;
import com.agentanchor.notifications.domain.Notification;

/** Inboxes, as the acting user's row-level security shows them: only their own. */
public interface Notifications {

    /** Adds it unless it is there already (the same event told twice); whether it was added. */
    boolean add(Notification notification);

    /** The recipient's newest first, strictly older than {@code before} when given. */
    List<Notification> newestFirst(UUID recipientId, InboxCursor before, int limit);

    long unread(UUID recipientId);

    /** Marks it read now unless it was read before; empty when the acting user has no such notification. */
    Optional<Notification> markRead(UUID id);

    int markAllRead(UUID recipientId);
}
