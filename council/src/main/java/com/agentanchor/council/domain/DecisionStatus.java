package com.agentanchor.council.domain;

/**
 * Where a decision stands; the database enum {@code decision_status}. The council's rule leaves a request pending,
 * approved or rejected; a critical (L4) request the validators approved unanimously is {@code escalated} until an
 * admin signs it off; the agent's owner may override an approval or a rejection.
 */
public enum DecisionStatus {
    pending, approved, rejected, escalated, overridden;

    /** The council has given its verdict. */
    public boolean decided() {
        return this == approved || this == rejected;
    }
}
