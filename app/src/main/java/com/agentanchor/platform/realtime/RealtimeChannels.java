package com.agentanchor.platform.realtime;

import java.util.UUID;

/** The story's channels and events (agentanchor-origin §6). */
final class RealtimeChannels {

    static final String OBSERVER_FEED = "observer-feed";
    static final String COUNCIL_FEED = "council-feed";
    static final String PRESENCE_COUNCIL = "presence-council";
    static final String USER_PREFIX = "private-user-";
    static final String AGENT_PREFIX = "private-agent-";

    static final String NEW_EVENT = "new-event";
    static final String ANOMALY_DETECTED = "anomaly-detected";
    static final String NOTIFICATION = "notification";
    static final String DECISION_PENDING = "decision-pending";
    static final String ESCALATION_REQUIRED = "escalation-required";
    static final String DECISION_MADE = "decision-made";
    static final String TRUST_CHANGE = "trust-change";
    static final String TRUST_TIER_CHANGE = "trust-tier-change";
    static final String AGENT_STATUS_CHANGE = "agent-status-change";
    static final String AGENT_GRADUATED = "agent-graduated";
    static final String SYSTEM_ALERT = "system-alert";

    private RealtimeChannels() {
    }

    static String user(UUID profileId) {
        return USER_PREFIX + profileId;
    }

    static String agent(UUID agentId) {
        return AGENT_PREFIX + agentId;
    }
}
