package com.agentanchor.notifications.application.port.in;

import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** A user's own notifications: read newest first, marked read one by one or all at once. */
@PrimaryPort
public interface Inbox {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    /** @throws InvalidInboxQuery for a cursor this inbox never handed out, or a limit outside 1–100 */
    InboxPage page(ProfileId reader, String after, int limit);

    /** Read from now on (the first reading's time is kept). @throws NotificationNotFound unless it is theirs */
    NotificationView markRead(ProfileId reader, UUID notificationId);

    /** Every unread one read; how many that was. */
    int markAllRead(ProfileId reader);
}
