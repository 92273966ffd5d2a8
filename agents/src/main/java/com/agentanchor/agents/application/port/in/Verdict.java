package com.agentanchor.agents.application.port.in;

import java.util.UUID;

/**
 * What a decided council request or a graded examination does to its agent, applied at once: the status moves as
 * {@code statusChange} says, and trust by {@code trustChange} (zero: it stays). {@code referenceId} names what
 * decided it (a council decision, an enrollment), {@code referenceType} its kind in {@code trust_history}.
 */
public record Verdict(StatusChange statusChange, String statusReason, int trustChange, TrustSource trustSource,
        String trustReason, UUID referenceId, String referenceType) {

    /** How the verdict moves the agent's status. */
    public enum StatusChange {
        /** It stays. */
        NONE,
        /** Suspended, unless it is suspended or retired already. */
        SUSPEND,
        /** Its suspension lifted (active again if it had graduated, a draft otherwise); nothing if not suspended. */
        REINSTATE,
        /** Out of its examination: active. */
        GRADUATE,
        /** Out of its examination: back to training. */
        RETRAIN,
        /** Out of its examination, out of attempts: a draft again. */
        START_OVER
    }
}
