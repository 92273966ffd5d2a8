package com.agentanchor.agents.application.port.in;

import java.util.List;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** An agent's owner gives it keys to act as itself, and takes them away. */
@PrimaryPort
public interface AgentKeyIssuing {

    /** A new key, shown this once. */
    IssuedAgentKey issue(ProfileId owner, AgentId agent, String name);

    /** The agent's keys, newest first, without their secrets. */
    List<AgentKeyView> keys(ProfileId owner, AgentId agent);

    /** From now on the key authenticates nothing. */
    void revoke(ProfileId owner, AgentId agent, UUID keyId);
}
