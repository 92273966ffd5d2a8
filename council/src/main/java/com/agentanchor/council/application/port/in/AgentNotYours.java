package com.agentanchor.council.application.port.in;

import java.util.UUID;

import com.agentanchor.platform.refusal.Refusal;

/** Only an agent's owner may put it before the council; others are told nothing about it. */
public class AgentNotYours extends Refusal.NotFound {

    public AgentNotYours(UUID agentId) {
        super("Agent not found", "No agent " + agentId + " of yours");
    }
}
