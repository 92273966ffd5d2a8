package com.agentanchor.platform.realtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.agentanchor.agents.events.AgentRegistered;
import com.agentanchor.observer.events.ObservationRecorded;

/**
 * Domain events to the story's Pusher channels and payloads (origin field names, camelCase, plus {@code eventId}
 * for de-duplication). Each method is its own after-commit listener in the event publication registry: a failed
 * Pusher call leaves the publication incomplete, and it is retried until Pusher accepts it.
 */
@Component
@SecondaryAdapter
class RealtimeBridge {

    private final PusherPublisher pusher;

    RealtimeBridge(PusherPublisher pusher) {
        this.pusher = pusher;
    }

    /** {@code new-event}: on observer-feed when public, and always to the subject's owner. */
    @ApplicationModuleListener
    void on(ObservationRecorded e) {
        var channels = new ArrayList<String>();
        if (e.publicFeed()) {
            channels.add(RealtimeChannels.OBSERVER_FEED);
        }
        if (e.subjectOwnerId() != null) {
            channels.add(RealtimeChannels.user(e.subjectOwnerId()));
        }
        if (channels.isEmpty()) {
            return;
        }
        var event = new LinkedHashMap<String, Object>();
        event.put("id", e.eventId());
        event.put("sequence", e.sequence());
        event.put("eventType", e.eventType());
        event.put("category", e.category());
        event.put("severity", e.severity());
        event.put("title", e.title());
        event.put("description", e.description());
        event.put("createdAt", e.createdAt().toString());
        var payload = new LinkedHashMap<String, Object>();
        payload.put("eventId", e.eventId());
        payload.put("event", event);
        if ("agent".equals(e.subjectType())) {
            payload.put("agentId", e.subjectId());
        }
        pusher.publish(channels, RealtimeChannels.NEW_EVENT, payload);
    }

    /** {@code notification} to the trainer: their agent is registered. */
    @ApplicationModuleListener
    void on(AgentRegistered e) {
        pusher.publish(List.of(RealtimeChannels.user(e.ownerId())), RealtimeChannels.NOTIFICATION,
                Map.of("eventId", e.eventId(), "id", e.eventId(), "type", "success", "title", "Agent registered",
                        "message", e.name() + " is registered as a draft with trust score " + e.trustScore(),
                        "actionUrl", "/agents/" + e.agentId(), "timestamp", e.occurredAt().toString()));
    }
}
