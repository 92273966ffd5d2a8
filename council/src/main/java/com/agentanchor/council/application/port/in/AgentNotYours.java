package com.agentanchor.council.application.port.in;

import java.util.UUID;

/** Only an agent's owner may put it before the council; others are told nothing about it. */
public class AgentNotYours extends RuntimeException {

    public AgentNotYours(UUID agentId) {
        super("No agent " + agentId + " of yours");
    }
}
