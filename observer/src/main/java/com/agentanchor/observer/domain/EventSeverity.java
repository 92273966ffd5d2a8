package com.agentanchor.observer.domain;

/** The database enum {@code event_severity}; info and warning events of active agents are public. */
public enum EventSeverity {
    debug, info, warning, error, critical
}
