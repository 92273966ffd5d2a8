package com.agentanchor.agents.application.port.in;

/** The caller may see this agent (it is active) but only its owner may change it. */
public class AgentNotEditable extends RuntimeException {

    public AgentNotEditable(AgentId id) {
        super("Only the owner may change agent " + id);
    }
}
