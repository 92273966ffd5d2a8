package com.agentanchor.truthchain.adapter.in.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.profiles.events.ProfileDeleted;
import com.agentanchor.profiles.events.ValidatorAppointed;
import com.agentanchor.profiles.events.ValidatorDismissed;
import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.TruthRecording;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Subject;

/**
 * Records what agents, the council, the marketplace and the council's appointments publish. Like {@code @ApplicationModuleListener}: after the
 * business transaction commits, asynchronously, and through the event publication registry, which retries an event
 * until its listener returns (so a record is appended at least once, and the event id makes the second time a
 * no-op). Without a surrounding transaction: the chain appends in a READ COMMITTED transaction of its own, batched
 * with concurrent appends. The chain is written through its definer function and read by everyone, so the listener
 * acts for nobody.
 * <p>
 * Adding a record type is one method here: the event's id, the {@link RecordType}, the subject, the actor and a
 * payload. A reinstatement is on the chain as the council decision that ordered it.
 * <p>
 * What is private. Row-level security hides agents that are not active from everyone but their owner, council
 * decisions from everyone but the agent's owner, the validators, the agent itself and admins, and acquisitions from
 * everyone but the consumer and the agent's owner; so every record about an agent (creation, trust change,
 * suspension, graduation, refused authorization), a decision (council decision, human override) or an acquisition
 * is <em>sealed</em>: its signed payload keeps only {@code occurredAt}, and the rest of the payload and the actor
 * are committed to and kept beside the chain, shown to whoever may see the subject at the time of reading (so to
 * everyone once an agent is active). Who sits on the council is public: validator appointments and dismissals are
 * public records.
 */
@Component
class ChainRecorder {

    private final TruthRecording truth;

    ChainRecorder(TruthRecording truth) {
        this.truth = truth;
    }

    @Async
    @TransactionalEventListener
    void on(AgentRegistered e) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("name", e.name());
        payload.put("ownerId", e.ownerId().toString());
        payload.put("status", e.status());
        payload.put("trustScore", e.trustScore());
        payload.put("occurredAt", e.occurredAt().toString());
        sealed(e.eventId(), RecordType.agent_creation, Subject.agent(e.agentId()), e.actorId(), payload);
    }

    @Async
    @TransactionalEventListener
    void on(DecisionMade e) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("agentId", e.agentId().toString());
        payload.put("decisionType", e.decisionType());
        payload.put("status", e.status());
        payload.put("riskLevel", e.riskLevel());
        payload.put("subjectAction", e.subjectAction());
        payload.put("reasoning", e.reasoning());
        payload.put("trustImpact", e.trustImpact());
        payload.put("votes", Map.of("for", e.votesFor(), "against", e.votesAgainst(), "abstain", e.votesAbstain()));
        payload.put("occurredAt", e.occurredAt().toString());
        sealed(e.eventId(), RecordType.council_decision, Subject.decision(e.decisionId()), e.actorId(), payload);
    }

    @Async
    @TransactionalEventListener
    void on(TrustChanged e) {
        if ("behavior_analysis".equals(e.source()) && !e.tierChanged()) {
            return; // an agent's own reports move trust by a point at a time: the chain keeps the tier changes
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("previousScore", e.previousScore());
        payload.put("newScore", e.newScore());
        payload.put("source", e.source());
        payload.put("reason", e.reason());
        payload.put("referenceId", e.referenceId() == null ? null : e.referenceId().toString());
        payload.put("occurredAt", e.occurredAt().toString());
        sealed(e.eventId(), RecordType.trust_change, Subject.agent(e.agentId()), e.actorId(), payload);
    }

    /**
     * An agent refused what it asked to do. Allowed checks are in the observer's log only; an approval above the
     * agent's own level is on the chain as the council decision that gave it. The condition keeps the others from
     * being published to this listener at all (no publication row to write, claim and complete for nothing).
     */
    @Async
    @TransactionalEventListener(condition = "#e.answer() == 'deny'")
    void on(AuthorizationChecked e) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("checkId", e.checkId().toString());
        payload.put("action", e.action());
        payload.put("riskLevel", e.riskLevel());
        payload.put("answer", e.answer());
        payload.put("reason", e.reason());
        payload.put("occurredAt", e.occurredAt().toString());
        append(e.eventId(), RecordType.authorization, Subject.agent(e.agentId()), Actor.agent(e.agentId()), payload,
                true);
    }

    /** Suspensions and graduations are on the chain; other moves are recorded through what caused them. */
    @Async
    @TransactionalEventListener
    void on(AgentStatusChanged e) {
        var type = "suspended".equals(e.newStatus()) ? RecordType.agent_suspension
                : e.graduated() ? RecordType.agent_graduation : null;
        if (type == null) {
            return;
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("previousStatus", e.previousStatus());
        payload.put("newStatus", e.newStatus());
        payload.put("reason", e.reason());
        payload.put("referenceId", e.referenceId() == null ? null : e.referenceId().toString());
        payload.put("occurredAt", e.occurredAt().toString());
        sealed(e.eventId(), type, Subject.agent(e.agentId()), e.actorId(), payload);
    }

    @Async
    @TransactionalEventListener
    void on(DecisionOverridden e) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("agentId", e.agentId().toString());
        payload.put("decisionType", e.decisionType());
        payload.put("riskLevel", e.riskLevel());
        payload.put("subjectAction", e.subjectAction());
        payload.put("overriddenVerdict", e.overriddenVerdict());
        payload.put("reason", e.reason());
        payload.put("occurredAt", e.occurredAt().toString());
        sealed(e.eventId(), RecordType.human_override, Subject.decision(e.decisionId()), e.actorId(), payload);
    }

    /** The commission rate as a string: canonical JSON carries no floating-point numbers. */
    @Async
    @TransactionalEventListener
    void on(AgentAcquired e) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("listingId", e.listingId().toString());
        payload.put("agentId", e.agentId().toString());
        payload.put("consumerId", e.consumerId().toString());
        payload.put("acquisitionType", e.acquisitionType());
        payload.put("commissionRate", e.commissionRate() == null ? null : e.commissionRate().toPlainString());
        payload.put("occurredAt", e.occurredAt().toString());
        sealed(e.eventId(), RecordType.acquisition, Subject.acquisition(e.acquisitionId()), e.actorId(), payload);
    }

    /** Who sits on the council is on the record: a system event about the profile, by the admin who acted. */
    @Async
    @TransactionalEventListener
    void on(ValidatorAppointed e) {
        record(e.eventId(), RecordType.system_event, new Subject("user", e.profileId()), e.actorId(),
                Map.of("event", "validator_appointed", "occurredAt", e.occurredAt().toString()));
    }

    @Async
    @TransactionalEventListener
    void on(ValidatorDismissed e) {
        record(e.eventId(), RecordType.system_event, new Subject("user", e.profileId()), e.actorId(),
                Map.of("event", "validator_dismissed", "occurredAt", e.occurredAt().toString()));
    }

    /** A profile's deletion is on the record, by its user; the record names no more than the profile's id. */
    @Async
    @TransactionalEventListener
    void on(ProfileDeleted e) {
        record(e.eventId(), RecordType.system_event, new Subject("user", e.profileId()), e.profileId(),
                Map.of("event", "profile_deleted", "occurredAt", e.occurredAt().toString()));
    }

    /** A public record: everything in the signed bytes. */
    private void record(UUID eventId, RecordType type, Subject subject, UUID actorId, Map<String, Object> payload) {
        append(eventId, type, subject, actorId == null ? Actor.system() : Actor.user(actorId), payload, false);
    }

    /** A sealed record: only {@code occurredAt} in the signed bytes; the rest, and the actor, committed to. */
    private void sealed(UUID eventId, RecordType type, Subject subject, UUID actorId, Map<String, Object> payload) {
        append(eventId, type, subject, actorId == null ? Actor.system() : Actor.user(actorId), payload, true);
    }

    private void append(UUID eventId, RecordType type, Subject subject, Actor actor, Map<String, Object> payload,
            boolean sealed) {
        NewTruth record;
        if (sealed) {
            var hidden = new LinkedHashMap<>(payload);
            var shown = new LinkedHashMap<String, Object>();
            shown.put("occurredAt", hidden.remove("occurredAt"));
            record = new NewTruth(eventId, type, subject, actor, shown, hidden);
        } else {
            record = new NewTruth(eventId, type, subject, actor, payload);
        }
        try (var nobody = ActingProfile.enterAnonymous()) {
            truth.record(record);
        }
    }
}
