package com.agentanchor.agents.application.port.in;

/** No such agent, or none the caller may see: the two are indistinguishable on purpose. */
public class AgentNotFound extends RuntimeException {

    public AgentNotFound(AgentId id) {
        super("No agent " + id);
    }
}
