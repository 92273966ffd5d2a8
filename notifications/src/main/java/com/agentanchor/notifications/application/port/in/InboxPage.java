package com.agentanchor.notifications.application.port.in;

import java.util.List;

/**
 * A page of an inbox, newest first; {@code next} (null on the last page) is the {@code after} of the page of older
 * ones. {@code unread} counts the whole inbox's unread notifications.
 */
public record InboxPage(List<NotificationView> items, String next, long unread) {
}
