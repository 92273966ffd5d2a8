package com.agentanchor.agents.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.agents.application.port.in.AgentKeyView;

/** Where keys are kept: as hashes, written by the agent's owner, looked up before anyone is known to act. */
public interface AgentKeyStore {

    AgentKeyView insert(UUID agentId, String name, byte[] keyHash, String prefix);

    List<AgentKeyView> of(UUID agentId);

    /** False when the agent has no such live key. */
    boolean revoke(UUID agentId, UUID keyId);

    /** The agent whose live key has this hash. */
    Optional<UUID> agentOf(byte[] keyHash);
}
