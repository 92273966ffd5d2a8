package com.agentanchor.observer.application.service;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.observer.application.port.in.FeedPage;
import com.agentanchor.observer.application.port.in.FeedQuery;
import com.agentanchor.observer.application.port.in.InvalidFeedQuery;
import com.agentanchor.observer.application.port.in.ObserverFeed;
import com.agentanchor.observer.application.port.out.ObserverEvents;
import com.agentanchor.observer.application.port.out.ObserverEvents.FeedFilter;
import com.agentanchor.observer.application.port.out.ObserverEvents.FeedItem;
import com.agentanchor.observer.domain.FeedCursor;
import com.agentanchor.profiles.application.port.in.ProfileId;

@Service
class FeedService implements ObserverFeed {

    private final ObserverEvents log;

    FeedService(ObserverEvents log) {
        this.log = log;
    }

    /**
     * Where the next page starts: after the newest event seen, or further, up to the horizon (everything before it
     * is final), when this page held all there was; never beyond an event not yet returned.
     */
    @Override
    @Transactional(readOnly = true)
    public FeedPage read(ProfileId viewer, FeedQuery q) {
        if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
            throw new InvalidFeedQuery("limit", "must be 1 to " + MAX_LIMIT);
        }
        var after = q.after() == null ? null : cursor(q.after());
        var slice = log.read(new FeedFilter(q.agentId(), q.category(), q.severity(), q.flagged()), after, q.limit());
        var items = slice.items();
        FeedCursor next;
        if (after == null) {
            next = slice.horizon(); // the newest matching events are on this page: everything else is to come
        } else if (items.size() == q.limit()) {
            next = items.get(items.size() - 1).cursor();
        } else {
            next = after.max(slice.horizon());
        }
        return new FeedPage(items.stream().map(FeedItem::event).toList(), next.toString());
    }

    private static FeedCursor cursor(String text) {
        try {
            return FeedCursor.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidFeedQuery("after", e.getMessage());
        }
    }
}
