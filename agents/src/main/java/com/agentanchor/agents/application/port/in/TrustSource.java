package com.agentanchor.agents.application.port.in;

/** Why trust moved; the database enum {@code trust_source}. */
public enum TrustSource {
    council_decision, behavior_analysis, user_feedback, examination, decay, manual_adjustment
}
