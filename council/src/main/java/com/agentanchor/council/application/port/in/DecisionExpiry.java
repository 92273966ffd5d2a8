package com.agentanchor.council.application.port.in;

import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Pending requests wait for the council until their {@code expiresAt} ({@code AGENTANCHOR_COUNCIL_DECISION_TTL}
 * after they were made, 72 h by default), or until their agent retires; then they lapse: rejected without a verdict,
 * no trust moved, and the news goes out as for any verdict. A schedule runs the expiry on every instance; each
 * expired request is handled by exactly one.
 */
@PrimaryPort
public interface DecisionExpiry {

    /** Rejects the requests whose time ran out; how many. */
    int expireDue();

    /** Rejects the pending requests of an agent that retired (none unless it is retired); how many. */
    int lapseForRetiredAgent(UUID agentId);
}
