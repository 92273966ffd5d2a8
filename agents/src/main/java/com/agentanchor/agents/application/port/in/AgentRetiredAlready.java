package com.agentanchor.agents.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** Retirement is final and happens once: retiring a retired agent is refused, not repeated. */
public class AgentRetiredAlready extends Refusal.Conflict {

    public AgentRetiredAlready(AgentId id) {
        super("Agent retired already", "Agent " + id.value() + " is retired already");
    }
}
