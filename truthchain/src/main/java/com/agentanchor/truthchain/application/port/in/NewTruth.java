package com.agentanchor.truthchain.application.port.in;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Subject;

/**
 * Something to record. {@code sourceEventId} names the event it records (null when there is none: such records
 * are not de-duplicated); {@code actor} is null when nobody in particular caused it. The payload becomes a JSON
 * object: strings, numbers, booleans, lists and maps of those.
 * <p>
 * A <em>sealed</em> record ({@code privatePayload} not null) signs only {@code payload} (its public fields) and a
 * salted commitment to {@code privatePayload} and the actor, which are kept beside the chain, readable by those who
 * may see the subject, and erasable.
 */
public record NewTruth(UUID sourceEventId, RecordType recordType, Subject subject, Actor actor,
        Map<String, ?> payload, Map<String, ?> privatePayload) {

    public NewTruth {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(subject, "subject");
        payload = payload == null ? Map.of() : payload;
    }

    /** A public record: everything in its signed bytes. */
    public NewTruth(UUID sourceEventId, RecordType recordType, Subject subject, Actor actor, Map<String, ?> payload) {
        this(sourceEventId, recordType, subject, actor, payload, null);
    }

    public boolean sealed() {
        return privatePayload != null;
    }
}
