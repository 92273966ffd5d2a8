package com.agentanchor.observer.domain;

/** The database enum {@code event_category}. */
public enum EventCategory {
    agent_action, user_action, council_activity, trust_change, anomaly, system, security
}
