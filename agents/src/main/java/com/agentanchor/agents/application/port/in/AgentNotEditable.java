package com.agentanchor.agents.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The caller may see this agent (it is active) but only its owner may change it. */
public class AgentNotEditable extends Refusal.NotAllowed {

    public AgentNotEditable(AgentId id) {
        super("Not the agent's owner", "Only the owner may change agent " + id);
    }
}
