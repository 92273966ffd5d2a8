package com.agentanchor.agents.application.port.in;

/**
 * The agent calling with one of its own keys: a controller parameter of this type, in any module, is it (and an
 * endpoint that takes one answers agents only).
 */
public record CallingAgent(AgentId id) {
}
