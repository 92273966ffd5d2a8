package com.agentanchor.notifications.application.port.in;

import java.util.UUID;

import com.agentanchor.platform.refusal.Refusal;

/** No such notification in the caller's inbox (another's is not revealed to exist). */
public class NotificationNotFound extends Refusal.NotFound {

    public NotificationNotFound(UUID id) {
        super("Notification not found", "No notification " + id + " in your inbox");
    }
}
