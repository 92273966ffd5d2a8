package com.agentanchor.agents.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** No such agent, or none the caller may see: the two are indistinguishable on purpose. */
public class AgentNotFound extends Refusal.NotFound {

    public AgentNotFound(AgentId id) {
        super("Agent not found", "No agent " + id);
    }
}
