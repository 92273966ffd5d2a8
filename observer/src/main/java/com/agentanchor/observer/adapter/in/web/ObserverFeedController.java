package com.agentanchor.observer.adapter.in.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.observer.application.port.in.FeedPage;
import com.agentanchor.observer.application.port.in.FeedQuery;
import com.agentanchor.observer.application.port.in.ObserverFeed;
import com.agentanchor.observer.domain.EventCategory;
import com.agentanchor.observer.domain.EventSeverity;
import com.agentanchor.profiles.application.port.in.ProfileId;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class ObserverFeedController {

    private final ObserverFeed feed;

    ObserverFeedController(ObserverFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/observer/events")
    @Operation(summary = "The observer's log as you may see it",
            description = "Events about you and your agents, what you did, and the public info and warning events "
                    + "of active agents. Without after: the newest first. With after (the next of an earlier page): "
                    + "what came since, oldest first. Following next never misses an event and never repeats one.")
    FeedPage events(ProfileId viewer, @RequestParam(required = false) UUID agentId,
            @RequestParam(required = false) EventCategory category,
            @RequestParam(required = false) EventSeverity severity,
            @RequestParam(required = false) Boolean flagged,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        return feed.read(viewer, new FeedQuery(agentId, category, severity, flagged, after, limit));
    }
}
