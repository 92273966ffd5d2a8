package com.agentanchor.agents.application.port.in;

/** The agent is not where its life must be for this step (e.g. a draft cannot sit an examination). */
public class AgentNotReady extends RuntimeException {

    public AgentNotReady(AgentId id, String why) {
        super("Agent " + id.value() + " " + why);
    }
}
