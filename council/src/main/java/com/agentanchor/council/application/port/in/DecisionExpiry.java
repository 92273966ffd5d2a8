package com.agentanchor.council.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Pending requests wait for the council until their {@code expiresAt} ({@code AGENTANCHOR_COUNCIL_DECISION_TTL}
 * after they were made, 72 h by default); then they are rejected as expired, and the news goes out as for any
 * verdict. A schedule runs this on every instance; each expired request is handled by exactly one.
 */
@PrimaryPort
public interface DecisionExpiry {

    /** Rejects the requests whose time ran out; how many. */
    int expireDue();
}
