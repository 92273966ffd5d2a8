package com.agentanchor.observer.application.port.in;

import java.util.UUID;

import com.agentanchor.observer.domain.EventCategory;
import com.agentanchor.observer.domain.EventSeverity;

/**
 * Which events, from where: every filter may be null. Without {@code after}, the newest events, newest first; with
 * it (the {@code next} of an earlier page), the events after that place, oldest first.
 */
public record FeedQuery(UUID agentId, EventCategory category, EventSeverity severity, Boolean flagged, String after,
        int limit) {
}
