package com.agentanchor.council.domain;

/** The database enum {@code decision_type}. */
public enum DecisionType {
    approval, rejection, modification, escalation, suspension, reinstatement;

    /** Suspensions and reinstatements change what the agent may do at all, not one action. */
    public boolean changesStatus() {
        return this == suspension || this == reinstatement;
    }
}
