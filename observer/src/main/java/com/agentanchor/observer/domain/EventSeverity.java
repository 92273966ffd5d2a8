package com.agentanchor.observer.domain;

/** The database enum {@code event_severity}. */
public enum EventSeverity {
    debug, info, warning, error, critical;

    /**
     * Info and warning events of agents in public view are everyone's to see; the rest is their owner's. Row-level
     * security on observer_events holds the same line (its select policy names these two).
     */
    public boolean isPublic() {
        return this == info || this == warning;
    }
}
