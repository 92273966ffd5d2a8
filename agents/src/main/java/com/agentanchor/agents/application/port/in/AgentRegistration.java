package com.agentanchor.agents.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** A trainer registering a new agent: it starts as a draft with trust score 100. */
@PrimaryPort
public interface AgentRegistration {

    AgentView register(ProfileId owner, RegisterAgent command);
}
