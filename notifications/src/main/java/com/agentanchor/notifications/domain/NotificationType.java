package com.agentanchor.notifications.domain;

/** How a notification looks to its reader: the origin's four kinds (lower case, as stored and shown). */
public enum NotificationType {
    info, success, warning, error
}
