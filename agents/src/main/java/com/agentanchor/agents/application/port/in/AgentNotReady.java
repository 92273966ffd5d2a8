package com.agentanchor.agents.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The agent is not where its life must be for this step (e.g. a draft cannot sit an examination). */
public class AgentNotReady extends Refusal.Conflict {

    public AgentNotReady(AgentId id, String why) {
        super("Agent not ready", "Agent " + id.value() + " " + why);
    }
}
