package com.agentanchor.observer.adapter.in.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.agents.events.AgentRegistered;
import com.agentanchor.agents.events.AgentStatusChanged;
import com.agentanchor.agents.events.TrustChanged;
import com.agentanchor.council.events.AuthorizationChecked;
import com.agentanchor.council.events.DecisionMade;
import com.agentanchor.council.events.DecisionOverridden;
import com.agentanchor.marketplace.events.AgentAcquired;
import com.agentanchor.observer.application.port.in.ObservationLog;
import com.agentanchor.observer.domain.EventCategory;
import com.agentanchor.observer.domain.EventSeverity;
import com.agentanchor.observer.domain.Observation;
import com.agentanchor.observer.domain.AnomalyRules;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.events.ValidatorAppointed;
import com.agentanchor.profiles.events.ValidatorDismissed;

/**
 * Like {@code @ApplicationModuleListener} (after commit, asynchronous, recorded in the event publication registry),
 * but without its surrounding transaction: the use case's own transaction must begin after the actor is entered,
 * so that row-level security sees who acted. The exceptions are acts whose actor is already in the transaction that
 * did them (an agent's authorization check, an owner's registration): they are logged within it.
 */
@Component
class ActionsListener {

    private final ObservationLog log;

    ActionsListener(ObservationLog log) {
        this.log = log;
    }

    /**
     * A registration is logged in the registration's own transaction, as its owner (who acts in it already): two
     * commits fewer per registration (the log's own transaction and its publication's completion), and no agent
     * without its log entry.
     */
    @EventListener
    void on(AgentRegistered e) {
        log.record(Observation.ofAgent(e.eventId(), "agent.registered", EventCategory.agent_action, e.agentId(),
                e.name(), e.ownerId(), "active".equals(e.status()), e.actorId(), "Agent " + e.name() + " registered",
                Map.of("status", e.status(), "trustScore", e.trustScore())));
    }

    @Async
    @TransactionalEventListener
    void on(AgentStatusChanged e) {
        record(Observation.ofAgent(e.eventId(), e.graduated() ? "agent.graduated" : "agent.status_changed",
                EventCategory.agent_action, e.agentId(), e.agentName(), e.ownerId(), "active".equals(e.newStatus()),
                e.actorId(),
                e.agentName() + statusPhrase(e),
                Map.of("previousStatus", e.previousStatus(), "newStatus", e.newStatus())));
    }

    @Async
    @TransactionalEventListener
    void on(TrustChanged e) {
        var change = Observation.ofAgent(e.eventId(), "trust.changed", EventCategory.trust_change, e.agentId(),
                e.agentName(), e.ownerId(), e.publicAgent(), e.actorId(), "%s's trust %+d to %d (%s)".formatted(
                        e.agentName(), e.change(), e.newScore(), e.newTier()),
                Map.of("previousScore", e.previousScore(), "newScore", e.newScore(), "source", e.source()));
        record(change);
        AnomalyRules.trustDrop(e.change()).ifPresent(score -> record(change.asAnomaly(
                UUID.nameUUIDFromBytes((e.eventId() + "/anomaly").getBytes(StandardCharsets.UTF_8)),
                "anomaly.trust_drop", score, "Sharp trust drop: " + e.agentName() + " lost " + -e.change() + " points",
                e.reason())));
    }

    @Async
    @TransactionalEventListener
    void on(DecisionMade e) {
        record(Observation.ofAgent(e.eventId(), "council.decided", EventCategory.council_activity, e.agentId(),
                e.agentName(), e.ownerId(), e.publicAgent(), e.actorId(),
                "Council %s: %s".formatted(e.status(), e.subjectAction()),
                Map.of("decisionId", e.decisionId().toString(), "status", e.status(), "riskLevel", e.riskLevel())));
    }

    @Async
    @TransactionalEventListener
    void on(DecisionOverridden e) {
        record(Observation.ofAgent(e.eventId(), "council.overridden", EventCategory.council_activity, e.agentId(),
                e.agentName(), e.ownerId(), e.publicAgent(), e.actorId(),
                "Owner overrode the council's %s: %s".formatted(e.overriddenVerdict(), e.subjectAction()),
                Map.of("decisionId", e.decisionId().toString(), "overriddenVerdict", e.overriddenVerdict(),
                        "reason", e.reason())));
    }

    /**
     * An agent's "may I?" and the answer, logged as the agent's own act: every check, whatever the answer. Logged in
     * the transaction that answers (the agent acts already): one commit per check instead of four (a publication,
     * its claim, the log's own transaction, its completion), and no answer without its log entry.
     */
    @EventListener
    void on(AuthorizationChecked e) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("checkId", e.checkId().toString());
        payload.put("action", e.action());
        payload.put("riskLevel", e.riskLevel());
        payload.put("highestRiskAlone", e.highestRiskAlone());
        payload.put("answer", e.answer());
        payload.put("reason", e.reason());
        if (e.decisionId() != null) {
            payload.put("decisionId", e.decisionId().toString());
        }
        var denied = "deny".equals(e.answer());
        var check = new Observation(e.eventId(), "runtime.authorization", EventCategory.agent_action,
                denied ? EventSeverity.warning : EventSeverity.info, "agent", e.agentId(), "agent", e.agentId(),
                "%s asked to %s (L%d): %s".formatted(e.agentName(), e.action(), e.riskLevel(), e.answer()),
                e.reason(), payload, e.ownerId(), e.publicAgent(), e.agentName(), 0);
        if (denied) {
            log.recordDenial(check);
        } else {
            log.record(check);
        }
    }

    /**
     * About the acquisition, not the agent: events about an active agent are public, and who acquires what is the
     * consumer's and the seller's business (the seller gets the owner's copy live; the consumer reads it back as
     * the actor).
     */
    @Async
    @TransactionalEventListener
    void on(AgentAcquired e) {
        Map<String, Object> payload = Map.of("agentId", e.agentId().toString(), "listingId",
                e.listingId().toString(), "acquisitionType", e.acquisitionType());
        record(new Observation(e.eventId(), "marketplace.acquired", EventCategory.user_action, EventSeverity.info,
                "acquisition", e.acquisitionId(), "user", e.actorId(),
                e.agentName() + " acquired under " + e.acquisitionType(), null, payload, e.sellerId(), false,
                e.agentName(), 0));
    }

    @Async
    @TransactionalEventListener
    void on(ValidatorAppointed e) {
        record(council(e.eventId(), "council.validator_appointed", e.profileId(), e.actorId(),
                "Seated on the council"));
    }

    @Async
    @TransactionalEventListener
    void on(ValidatorDismissed e) {
        record(council(e.eventId(), "council.validator_dismissed", e.profileId(), e.actorId(),
                "Taken off the council"));
    }

    /** An admin's act on a profile's seat: logged as the admin's, sent live to the profile it concerns. */
    private static Observation council(UUID eventId, String type, UUID profileId, UUID adminId, String title) {
        return new Observation(eventId, type, EventCategory.council_activity, EventSeverity.info, "user", profileId,
                "user", adminId, title, null, Map.of("profileId", profileId.toString()), profileId, false, null, 0);
    }

    private static String statusPhrase(AgentStatusChanged e) {
        return switch (e.newStatus()) {
            case "training" -> " is in training";
            case "examination" -> " sits its examination";
            case "active" -> e.graduated() ? " graduated" : " is active again";
            case "draft" -> " is a draft again";
            default -> " is " + e.newStatus();
        };
    }

    /** On behalf of whoever acted: row-level security lets nobody log in another user's name. */
    private void record(Observation observation) {
        try (var acting = observation.actorId() == null ? ActingProfile.enterAnonymous()
                : ActingProfile.enter(new ProfileId(observation.actorId()))) {
            log.record(observation);
        }
    }
}
