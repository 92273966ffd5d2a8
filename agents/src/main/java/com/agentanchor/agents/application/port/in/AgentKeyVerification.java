package com.agentanchor.agents.application.port.in;

import java.util.Optional;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Whose key is this? Asked on every request an agent makes, before anyone is known to act. */
@PrimaryPort
public interface AgentKeyVerification {

    /** The agent a live key belongs to; empty for one that is unknown, revoked, or not a key at all. */
    Optional<AgentId> agentOf(String key);
}
