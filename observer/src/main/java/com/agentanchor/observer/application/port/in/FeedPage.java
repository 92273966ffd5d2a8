package com.agentanchor.observer.application.port.in;

import java.util.List;

/**
 * One page of the feed, and where to read on from: pass {@code next} as {@code after} to get what came since. A
 * reader that follows it never misses an event and never sees one twice.
 */
public record FeedPage(List<FeedEvent> items, String next) {
}
