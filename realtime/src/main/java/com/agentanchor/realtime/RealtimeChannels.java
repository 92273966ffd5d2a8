package com.agentanchor.realtime;

import java.util.UUID;

/** The story's channels and events (agentanchor-origin §6). */
public final class RealtimeChannels {

    public static final String OBSERVER_FEED = "observer-feed";
    public static final String COUNCIL_FEED = "council-feed";
    public static final String PRESENCE_COUNCIL = "presence-council";
    public static final String USER_PREFIX = "private-user-";
    public static final String AGENT_PREFIX = "private-agent-";

    public static final String NEW_EVENT = "new-event";
    public static final String ANOMALY_DETECTED = "anomaly-detected";
    public static final String NOTIFICATION = "notification";
    public static final String DECISION_PENDING = "decision-pending";
    public static final String ESCALATION_REQUIRED = "escalation-required";
    public static final String DECISION_MADE = "decision-made";
    public static final String TRUST_CHANGE = "trust-change";
    public static final String TRUST_TIER_CHANGE = "trust-tier-change";
    public static final String AGENT_STATUS_CHANGE = "agent-status-change";
    public static final String AGENT_GRADUATED = "agent-graduated";
    public static final String SYSTEM_ALERT = "system-alert";

    private RealtimeChannels() {
    }

    public static String user(UUID profileId) {
        return USER_PREFIX + profileId;
    }

    public static String agent(UUID agentId) {
        return AGENT_PREFIX + agentId;
    }
}
