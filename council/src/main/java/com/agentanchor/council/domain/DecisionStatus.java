package com.agentanchor.council.domain;

/**
 * Where a decision stands; the database enum {@code decision_status}. The council's rule leaves a request pending,
 * approved or rejected; the agent's owner may then override an approval or a rejection. {@code escalated} is in the
 * origin's enum but no flow of ours sets it.
 */
public enum DecisionStatus {
    pending, approved, rejected, escalated, overridden;

    /** The council has given its verdict. */
    public boolean decided() {
        return this == approved || this == rejected;
    }
}
