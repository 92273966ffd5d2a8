package com.agentanchor.realtime.adapter.out.pusher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.agents.events.AgentRegistered;
import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.agents.events.TrustChanged;
import com.agentanchor.council.events.DecisionMade;
import com.agentanchor.council.events.DecisionOverridden;
import com.agentanchor.council.events.DecisionRequested;
import com.agentanchor.marketplace.events.AgentAcquired;
import com.agentanchor.observer.events.AgentReported;
import com.agentanchor.observer.events.ObservationRecorded;
import com.agentanchor.platform.delivery.DurableDeliveries;
import com.agentanchor.truthchain.events.ChainIntegrityViolated;
import com.agentanchor.realtime.RealtimeChannels;

/**
 * Domain events to the story's Pusher channels and payloads (origin field names, camelCase, plus {@code eventId}
 * for de-duplication). Each method is its own after-commit listener. Unlike {@code @ApplicationModuleListener}, no
 * transaction around them: they touch no table, and an empty transaction per message was a database round trip and a
 * commit for nothing.
 * <p>
 * To Pusher, over the network, each message is a durable delivery in the event publication registry: a failed Pusher
 * call leaves the publication incomplete, and it is retried until Pusher accepts it. To the built-in server it is
 * not ({@link #durable()}).
 */
@Component
class RealtimeBridge implements DurableDeliveries {

    private final PusherPublisher pusher;
    private final FloodGate gate;

    RealtimeBridge(PusherPublisher pusher, FloodGate gate) {
        this.pusher = pusher;
        this.gate = gate;
    }

    /**
     * Not with the built-in server. It runs in this JVM, so the call cannot be cut off between the two, and all that
     * can end a delivery after the commit is the JVM's own end, which closes every subscriber's connection with it; a
     * retry after a restart would reach only clients that reconnected, and a client reloads what it shows when it
     * reconnects (as after any disconnection: Pusher keeps no history either). Kept, each message was a row
     * written in the request's transaction and deleted after the call (two of a registration's three rows), a
     * fifth of a registration's CPU in the app and the database (docs/benchmarks.md, issue 13).
     */
    @Override
    public boolean durable() {
        return !pusher.builtIn();
    }

    /**
     * {@code new-event}: on observer-feed when public, and always to the subject's owner; an anomaly also as
     * {@code anomaly-detected}. Both through the {@link FloodGate}: a channel past its rate gets them coalesced.
     */
    @Async
    @TransactionalEventListener
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
            payload.put("agentName", e.subjectName());
        }
        gate.publish(channels, RealtimeChannels.NEW_EVENT, FloodGate.Message.of(payload, event));
        if (e.anomalyScore() > 0) {
            var anomaly = new LinkedHashMap<String, Object>();
            anomaly.put("eventId", derived(e.eventId(), RealtimeChannels.ANOMALY_DETECTED));
            anomaly.put("agentId", e.subjectId());
            anomaly.put("agentName", e.subjectName());
            anomaly.put("anomalyScore", e.anomalyScore());
            anomaly.put("description", e.title());
            anomaly.put("timestamp", e.createdAt().toString());
            gate.publish(channels, RealtimeChannels.ANOMALY_DETECTED, FloodGate.Message.of(anomaly, anomaly));
        }
    }

    /**
     * An agent's own reports, as {@code new-event}: to its owner, and the public ones on observer-feed. A call that
     * reported more than {@link #COALESCE_ABOVE} events is one {@code new-event} per channel instead, carrying the
     * newest event, the newest few ({@code events}) and how many there were ({@code count}): one message for a
     * batch of a thousand, not a thousand messages against Pusher's quota, and never silently nothing. Each report
     * flagged as an anomaly goes out as {@code anomaly-detected} too. All through the {@link FloodGate}, which
     * coalesces what many calls send to one channel past its rate.
     */
    @Async
    @TransactionalEventListener
    void on(AgentReported e) {
        var owner = List.of(RealtimeChannels.user(e.ownerId()));
        for (var flagged : e.anomalies()) {
            var anomaly = new LinkedHashMap<String, Object>();
            anomaly.put("eventId", derived(flagged.id(), RealtimeChannels.ANOMALY_DETECTED));
            anomaly.put("agentId", e.agentId());
            anomaly.put("agentName", e.agentName());
            anomaly.put("anomalyScore", flagged.anomalyScore());
            anomaly.put("description", cut(flagged.title()));
            anomaly.put("timestamp", flagged.createdAt().toString());
            gate.publish(flagged.publicFeed() ? List.of(RealtimeChannels.OBSERVER_FEED, owner.get(0)) : owner,
                    RealtimeChannels.ANOMALY_DETECTED, FloodGate.Message.of(anomaly, anomaly));
        }
        var publicEntries = e.newest().stream().filter(AgentReported.Entry::publicFeed).toList();
        if (e.count() <= COALESCE_ABOVE) {
            for (var entry : e.newest()) {
                var channels = entry.publicFeed() ? List.of(RealtimeChannels.OBSERVER_FEED, owner.get(0)) : owner;
                gate.publish(channels, RealtimeChannels.NEW_EVENT, single(e, entry));
            }
            return;
        }
        var newest = e.newest().subList(Math.max(0, e.newest().size() - COALESCED_SHOWN), e.newest().size());
        gate.publish(owner, RealtimeChannels.NEW_EVENT, coalesced(e, derived(e.eventId(), "owner"), newest, e.count()));
        if (e.publicCount() > 0 && !publicEntries.isEmpty()) {
            var shown = publicEntries.subList(Math.max(0, publicEntries.size() - COALESCED_SHOWN),
                    publicEntries.size());
            gate.publish(List.of(RealtimeChannels.OBSERVER_FEED), RealtimeChannels.NEW_EVENT,
                    coalesced(e, derived(e.eventId(), "public"), shown, e.publicCount()));
        }
    }

    /** Reports past this many in one call are coalesced; how many of their newest the message shows. */
    static final int COALESCE_ABOVE = 10;
    static final int COALESCED_SHOWN = 5;
    /** Reported titles and descriptions are cut to this in live messages (Pusher carries 10 KB at most). */
    static final int LIVE_TEXT = 300;

    /** One report, as its own message. */
    private static FloodGate.Message single(AgentReported e, AgentReported.Entry entry) {
        var event = reportedEvent(entry);
        return FloodGate.Message.of(reported(e, entry.id(), event), event);
    }

    /** One message standing for {@code count} reports of a call, the newest of them shown. */
    private static FloodGate.Message coalesced(AgentReported e, UUID eventId, List<AgentReported.Entry> shown,
            int count) {
        List<Object> events = shown.stream().<Object>map(RealtimeBridge::reportedEvent).toList();
        var payload = reported(e, eventId, events.get(events.size() - 1));
        payload.put("coalesced", true);
        payload.put("count", count);
        payload.put("events", events);
        return new FloodGate.Message(payload, count, events);
    }

    private static Map<String, Object> reported(AgentReported e, UUID eventId, Object newest) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("eventId", eventId);
        payload.put("event", newest);
        payload.put("agentId", e.agentId());
        payload.put("agentName", e.agentName());
        return payload;
    }

    private static Map<String, Object> reportedEvent(AgentReported.Entry entry) {
        var event = new LinkedHashMap<String, Object>();
        event.put("id", entry.id());
        event.put("sequence", entry.sequence());
        event.put("eventType", entry.eventType());
        event.put("category", "agent_action");
        event.put("severity", entry.severity());
        event.put("title", cut(entry.title()));
        event.put("description", cut(entry.description()));
        event.put("outcome", entry.outcome());
        event.put("createdAt", entry.createdAt().toString());
        return event;
    }

    private static String cut(String text) {
        return text == null || text.length() <= LIVE_TEXT ? text : text.substring(0, LIVE_TEXT - 1) + "…";
    }

    /**
     * {@code decision-pending} to the owner, and on council-feed when the agent is public; from risk level 3 up,
     * {@code escalation-required} to the validators on presence-council (and council-feed when public). The origin
     * names no deadline rule: an escalation is due a day after it was raised.
     */
    @Async
    @TransactionalEventListener
    void on(DecisionRequested e) {
        var decision = new LinkedHashMap<String, Object>();
        decision.put("id", e.decisionId());
        decision.put("decisionType", e.decisionType());
        decision.put("status", "pending");
        decision.put("riskLevel", e.riskLevel());
        decision.put("reasoning", null);
        decision.put("subjectAction", e.subjectAction());
        var pending = new LinkedHashMap<String, Object>();
        pending.put("eventId", e.eventId());
        pending.put("decision", decision);
        pending.put("agentId", e.agentId());
        pending.put("agentName", e.agentName());
        pusher.publish(ownerAnd(e.ownerId(), e.publicAgent(), RealtimeChannels.COUNCIL_FEED),
                RealtimeChannels.DECISION_PENDING, pending);
        if (e.escalate()) {
            var validators = new ArrayList<String>(List.of(RealtimeChannels.PRESENCE_COUNCIL));
            if (e.publicAgent()) {
                validators.add(RealtimeChannels.COUNCIL_FEED);
            }
            pusher.publish(validators, RealtimeChannels.ESCALATION_REQUIRED, Map.of("eventId",
                    derived(e.eventId(), RealtimeChannels.ESCALATION_REQUIRED),
                    "decisionId", e.decisionId(), "agentId", e.agentId(), "agentName", e.agentName(),
                    "riskLevel", e.riskLevel(), "reason", e.subjectAction(),
                    "requiredBy", e.occurredAt().plus(Duration.ofDays(1)).toString()));
        }
    }

    /** {@code notification} to the trainer: their agent is registered. */
    @Async
    @TransactionalEventListener
    void on(AgentRegistered e) {
        pusher.publish(List.of(RealtimeChannels.user(e.ownerId())), RealtimeChannels.NOTIFICATION,
                notification(e.eventId(), "success", "Agent registered",
                        e.name() + " is registered as a draft with trust score " + e.trustScore(),
                        "/agents/" + e.agentId(), e.occurredAt()));
    }

    /**
     * {@code decision-made} to the owner and the validators on presence-council (and council-feed when the agent
     * is public), and a {@code notification} on the agent's own channel.
     */
    @Async
    @TransactionalEventListener
    void on(DecisionMade e) {
        var decision = new LinkedHashMap<String, Object>();
        decision.put("id", e.decisionId());
        decision.put("decisionType", e.decisionType());
        decision.put("status", e.status());
        decision.put("riskLevel", e.riskLevel());
        decision.put("reasoning", e.reasoning());
        decision.put("trustImpact", e.trustImpact());
        decision.put("subjectAction", e.subjectAction());
        decisionMade(e.eventId(), decision, e.agentId(), e.agentName(), e.ownerId(), e.publicAgent());
        pusher.publish(List.of(RealtimeChannels.agent(e.agentId())), RealtimeChannels.NOTIFICATION,
                notification(derived(e.eventId(), RealtimeChannels.NOTIFICATION),
                        "approved".equals(e.status()) ? "success" : "warning",
                        "Council " + e.status(), e.subjectAction() + ": " + e.reasoning(),
                        "/council/decisions/" + e.decisionId(), e.occurredAt()));
    }

    /** {@code decision-made}, status overridden, to the same audience as the council's verdict was. */
    @Async
    @TransactionalEventListener
    void on(DecisionOverridden e) {
        var override = new LinkedHashMap<String, Object>();
        override.put("by", e.actorId());
        override.put("reason", e.reason());
        override.put("overriddenVerdict", e.overriddenVerdict());
        var decision = new LinkedHashMap<String, Object>();
        decision.put("id", e.decisionId());
        decision.put("decisionType", e.decisionType());
        decision.put("status", "overridden");
        decision.put("riskLevel", e.riskLevel());
        decision.put("subjectAction", e.subjectAction());
        decision.put("humanOverride", override);
        decisionMade(e.eventId(), decision, e.agentId(), e.agentName(), e.ownerId(), e.publicAgent());
    }

    private void decisionMade(UUID eventId, Map<String, Object> decision, UUID agentId, String agentName,
            UUID ownerId, boolean publicAgent) {
        var made = new LinkedHashMap<String, Object>();
        made.put("eventId", eventId);
        made.put("decision", decision);
        made.put("agentId", agentId);
        made.put("agentName", agentName);
        var audience = ownerAnd(ownerId, publicAgent, RealtimeChannels.COUNCIL_FEED);
        audience.add(RealtimeChannels.PRESENCE_COUNCIL);
        pusher.publish(audience, RealtimeChannels.DECISION_MADE, made);
    }

    /** {@code trust-change}, and {@code trust-tier-change} if the tier moved, to the owner and, if public, everyone. */
    @Async
    @TransactionalEventListener
    void on(TrustChanged e) {
        var channels = ownerAnd(e.ownerId(), e.publicAgent(), RealtimeChannels.OBSERVER_FEED);
        var change = new LinkedHashMap<String, Object>();
        change.put("eventId", e.eventId());
        change.put("agentId", e.agentId());
        change.put("agentName", e.agentName());
        change.put("previousScore", e.previousScore());
        change.put("newScore", e.newScore());
        change.put("change", e.change());
        change.put("source", e.source());
        change.put("reason", e.reason());
        pusher.publish(channels, RealtimeChannels.TRUST_CHANGE, change);
        if (e.tierChanged()) {
            pusher.publish(channels, RealtimeChannels.TRUST_TIER_CHANGE, Map.of("eventId",
                    derived(e.eventId(), RealtimeChannels.TRUST_TIER_CHANGE),
                    "agentId", e.agentId(), "agentName", e.agentName(), "previousTier", e.previousTier(),
                    "newTier", e.newTier(), "trustScore", e.newScore()));
        }
    }

    /**
     * {@code agent-status-change} (or {@code agent-graduated} when it became active for the first time) to the
     * owner and, when the agent is or was public, everyone; a {@code notification} on the agent's channel.
     */
    @Async
    @TransactionalEventListener
    void on(AgentStatusChanged e) {
        var change = new LinkedHashMap<String, Object>();
        change.put("eventId", e.eventId());
        change.put("agentId", e.agentId());
        change.put("agentName", e.agentName());
        change.put("previousStatus", e.previousStatus());
        change.put("newStatus", e.newStatus());
        change.put("reason", e.reason());
        pusher.publish(ownerAnd(e.ownerId(), e.publicAgent(), RealtimeChannels.OBSERVER_FEED),
                e.graduated() ? RealtimeChannels.AGENT_GRADUATED : RealtimeChannels.AGENT_STATUS_CHANGE, change);
        pusher.publish(List.of(RealtimeChannels.agent(e.agentId())), RealtimeChannels.NOTIFICATION,
                notification(derived(e.eventId(), RealtimeChannels.NOTIFICATION),
                        "suspended".equals(e.newStatus()) ? "error" : "info",
                        e.agentName() + " is " + e.newStatus(), e.reason(), "/agents/" + e.agentId(),
                        e.occurredAt()));
    }

    /** {@code notification} to the seller: someone acquired their listed agent. */
    @Async
    @TransactionalEventListener
    void on(AgentAcquired e) {
        var terms = e.commissionRate() == null ? e.acquisitionType()
                : e.acquisitionType() + " at rate " + e.commissionRate().toPlainString();
        pusher.publish(List.of(RealtimeChannels.user(e.sellerId())), RealtimeChannels.NOTIFICATION,
                notification(e.eventId(), "success", "Agent acquired", e.agentName() + " was acquired under " + terms,
                        "/marketplace/listings/" + e.listingId(), e.occurredAt()));
    }

    /**
     * {@code system-alert} (critical) to everyone watching the feed and the council: the truth chain, which anyone
     * may verify, was found broken.
     */
    @Async
    @TransactionalEventListener
    void on(ChainIntegrityViolated e) {
        var alert = new LinkedHashMap<String, Object>();
        alert.put("eventId", e.eventId());
        alert.put("level", "critical");
        alert.put("title", "Truth chain integrity violated at record " + e.sequence());
        alert.put("message", e.defect() + ": " + e.reason());
        alert.put("timestamp", e.detectedAt().toString());
        pusher.publish(List.of(RealtimeChannels.OBSERVER_FEED, RealtimeChannels.PRESENCE_COUNCIL),
                RealtimeChannels.SYSTEM_ALERT, alert);
    }

    /**
     * The {@code eventId} of a further message made from one event (an escalation beside the pending decision, a
     * tier change beside the trust change): its own, so a client may de-duplicate by {@code eventId} alone, and the
     * same on every retry.
     */
    private static UUID derived(UUID eventId, String message) {
        return UUID.nameUUIDFromBytes((eventId + "/" + message).getBytes(StandardCharsets.UTF_8));
    }

    /** The owner's channel, and {@code publicChannel} when the agent is in public view. */
    private static List<String> ownerAnd(UUID ownerId, boolean publicAgent, String publicChannel) {
        var audience = new ArrayList<String>(List.of(RealtimeChannels.user(ownerId)));
        if (publicAgent) {
            audience.add(publicChannel);
        }
        return audience;
    }

    private static Map<String, Object> notification(UUID eventId, String type, String title, String message,
            String actionUrl, Instant at) {
        var n = new LinkedHashMap<String, Object>();
        n.put("eventId", eventId);
        n.put("id", eventId);
        n.put("type", type);
        n.put("title", title);
        n.put("message", message);
        n.put("actionUrl", actionUrl);
        n.put("timestamp", at.toString());
        return n;
    }
}
