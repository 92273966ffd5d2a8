package com.agentanchor.agents.domain;

/**
 * Where an agent is in its life; the database enum {@code agent_status}. The moves between statuses are decided
 * here, and again in the database for whoever bypasses this code: {@link #ownerMayMoveTo} is the twin of
 * {@code advance_own_agent} and {@link #governanceMayMoveTo} of {@code change_agent_status} (both in
 * {@code agents/functions/}); {@code AgentStatusParityTests} holds each pair to the same answers.
 */
public enum AgentStatus {
    draft, training, examination, active, suspended, retired;

    /** The steps an owner takes alone, through the academy: a draft trains, a trained agent sits its examination. */
    public boolean ownerMayMoveTo(AgentStatus to) {
        return (this == draft && to == training) || (this == training && to == examination);
    }

    /**
     * The council's and the examiners' moves: suspend an agent that is neither suspended nor retired; lift a
     * suspension (to active, or to draft for an agent that never graduated); close an examination (graduate, train
     * again, or start over as a draft).
     */
    public boolean governanceMayMoveTo(AgentStatus to) {
        return (to == suspended && this != suspended && this != retired)
                || (this == suspended && (to == active || to == draft))
                || (this == examination && (to == active || to == training || to == draft));
    }

    /**
     * The owner may retire their agent from any status but retired: at any stage it may be given up, and only once.
     * Retiring is for good, so a suspended agent that is retired escapes nothing.
     */
    public boolean ownerMayRetire() {
        return this != retired;
    }

    /** Active agents are in public view: anyone may see them and watch what they do. */
    public boolean inPublicView() {
        return this == active;
    }
}
