package com.agentanchor.truthchain.adapter.in.events;

import java.util.LinkedHashMap;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.agentanchor.agents.events.AgentRegistered;
import com.agentanchor.profiles.application.port.in.ActingProfile;
import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.TruthRecording;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Subject;

/**
 * Records what agents publish. Like {@code @ApplicationModuleListener}: after the business transaction commits,
 * asynchronously, and through the event publication registry, which retries an event until its listener returns
 * (so a record is appended at least once, and the event id makes the second time a no-op). Without a surrounding
 * transaction: the chain appends in a READ COMMITTED transaction of its own, batched with concurrent appends. The
 * chain is written through its definer function and read by everyone, so the listener acts for nobody.
 * <p>
 * Adding a record type is one method here (or in a listener like it for another module's events): the event's
 * id, the {@link RecordType}, the subject, the actor and a payload. Graduation, suspension, council decisions, trust
 * changes, acquisitions and human overrides are waiting for their modules to publish events.
 */
@Component
class AgentEventsRecorder {

    private final TruthRecording truth;

    AgentEventsRecorder(TruthRecording truth) {
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
        try (var nobody = ActingProfile.enterAnonymous()) {
            truth.record(new NewTruth(e.eventId(), RecordType.agent_creation, Subject.agent(e.agentId()),
                    e.actorId() == null ? Actor.system() : Actor.user(e.actorId()), payload));
        }
    }
}
