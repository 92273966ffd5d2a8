package com.agentanchor.platform.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.agentanchor.agents.events.AgentRegistered;
import com.agentanchor.council.events.DecisionRequested;
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

    /**
     * {@code decision-pending} to the owner, and on council-feed when the agent is public; from risk level 3 up,
     * {@code escalation-required} to the validators on presence-council (and council-feed when public). The origin
     * names no deadline rule: an escalation is due a day after it was raised.
     */
    @ApplicationModuleListener
    void on(DecisionRequested e) {
        var decision = new LinkedHashMap<String, Object>();
        decision.put("id", e.decisionId());
        decision.put("decisionType", e.decisionType());
        decision.put("status", "pending");
        decision.put("riskLevel", e.riskLevel());
        decision.put("reasoning", null);
        var pending = new LinkedHashMap<String, Object>();
        pending.put("eventId", e.eventId());
        pending.put("decision", decision);
        pending.put("agentId", e.agentId());
        pending.put("agentName", e.agentName());
        var audience = new ArrayList<String>(List.of(RealtimeChannels.user(e.ownerId())));
        if (e.publicAgent()) {
            audience.add(RealtimeChannels.COUNCIL_FEED);
        }
        pusher.publish(audience, RealtimeChannels.DECISION_PENDING, pending);
        if (e.escalate()) {
            var validators = new ArrayList<String>(List.of(RealtimeChannels.PRESENCE_COUNCIL));
            if (e.publicAgent()) {
                validators.add(RealtimeChannels.COUNCIL_FEED);
            }
            pusher.publish(validators, RealtimeChannels.ESCALATION_REQUIRED, Map.of("eventId", e.eventId(),
                    "decisionId", e.decisionId(), "agentId", e.agentId(), "agentName", e.agentName(),
                    "riskLevel", e.riskLevel(), "reason", e.subjectAction(),
                    "requiredBy", e.occurredAt().plus(Duration.ofDays(1)).toString()));
        }
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
