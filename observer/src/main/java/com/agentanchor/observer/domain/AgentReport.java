package com.agentanchor.observer.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.jmolecules.ddd.annotation.ValueObject;

import com.agentanchor.platform.text.AcceptableText;

/**
 * What an agent says it did: one entry of its own log. The agent is the subject and the actor; the rules below are
 * what a report must satisfy before anything is written. {@code payloadJson} is a JSON object as the agent sent it;
 * {@code anomalyScore} above 0 flags it ({@link AnomalyRules}).
 */
@ValueObject
public record AgentReport(String eventType, EventSeverity severity, String title, String description,
        String payloadJson, Outcome outcome, Instant occurredAt, String idempotencyKey, int anomalyScore) {

    public static final int MAX_TITLE = 500;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_PAYLOAD_BYTES = 32 * 1024;
    public static final int MAX_IDEMPOTENCY_KEY = 200;
    /** An agent's clock may run ahead of ours by this much, not more. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_.:/-]{1,100}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** What an agent's action came to; counts toward its interactions and, through them, its trust. */
    public enum Outcome {
        success, failure
    }

    /** A report that breaks a rule: {@code field} names the part that does. */
    public static final class Rejected extends IllegalArgumentException {

        private final String field;

        Rejected(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Checks a report as it arrived (severity and outcome as the agent spelled them) against {@code now}.
     *
     * @throws Rejected naming the first field that breaks a rule
     */
    public static AgentReport of(String eventType, String severity, String title, String description,
            String payloadJson, String outcome, Instant occurredAt, String idempotencyKey, Instant now) {
        if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
            throw new Rejected("eventType", "must be 1 to 100 letters, digits or _ . : / -");
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new Rejected("title", "must be 1 to " + MAX_TITLE + " characters, not blank");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new Rejected("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (payloadJson != null && payloadJson.length() > MAX_PAYLOAD_BYTES) {
            throw new Rejected("payload", "must be at most " + MAX_PAYLOAD_BYTES + " bytes of JSON");
        }
        if (occurredAt != null && occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new Rejected("occurredAt", "lies in the future");
        }
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY
                || CONTROL.matcher(idempotencyKey).find())) {
            throw new Rejected("idempotencyKey", "must be 1 to " + MAX_IDEMPOTENCY_KEY
                    + " characters without control characters");
        }
        storable("title", AcceptableText.problem(title));
        storable("description", description == null ? null : AcceptableText.problem(description));
        storable("payload", payloadJson == null ? null : AcceptableText.problemInJson(payloadJson));
        return new AgentReport(eventType, parse(EventSeverity.class, "severity", severity, EventSeverity.info),
                title.strip(), description, payloadJson, parse(Outcome.class, "outcome", outcome, null),
                occurredAt, idempotencyKey, 0);
    }

    /** The same report, flagged as an anomaly with {@code score}. */
    public AgentReport flagged(int score) {
        return new AgentReport(eventType, severity, title, description, payloadJson, outcome, occurredAt,
                idempotencyKey, score);
    }

    /**
     * A report's text as the database can hold it. The JSON API refuses such text as it reads the body; an OTLP
     * span's names and attributes arrive without passing there.
     */
    private static void storable(String field, String problem) {
        if (problem != null) {
            throw new Rejected(field, problem);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, E absent) {
        if (value == null) {
            return absent;
        }
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        var names = new StringBuilder();
        for (var constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(constant.name());
        }
        throw new Rejected(field, "must be one of " + names);
    }
}
