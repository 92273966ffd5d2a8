package com.agentanchor.agents.application.port.in;

import java.util.UUID;

import com.agentanchor.platform.refusal.Refusal;

/** No such key of this agent, or it is revoked already. */
public class AgentKeyNotFound extends Refusal.NotFound {

    public AgentKeyNotFound(AgentId agent, UUID keyId) {
        super("Agent key not found", "Agent " + agent + " has no live key " + keyId);
    }
}
