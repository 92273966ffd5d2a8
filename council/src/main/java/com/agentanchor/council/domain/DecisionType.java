package com.agentanchor.council.domain;

/** The database enum {@code decision_type}. */
public enum DecisionType {
    approval, rejection, modification, escalation, suspension, reinstatement
}
