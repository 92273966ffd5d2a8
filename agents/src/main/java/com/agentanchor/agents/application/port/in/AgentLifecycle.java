package com.agentanchor.agents.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** The steps of an agent's life its owner takes alone; graduation is the council's (see {@link AgentGovernance}). */
@PrimaryPort
public interface AgentLifecycle {

    /**
     * A draft goes into training.
     *
     * @throws AgentNotFound when the caller does not own such an agent
     * @throws AgentNotReady when it is not a draft
     */
    void enterTraining(ProfileId owner, AgentId agent, String reason);

    /**
     * A trained agent sits its examination.
     *
     * @throws AgentNotFound when the caller does not own such an agent
     * @throws AgentNotReady when it is not in training
     */
    void enterExamination(ProfileId owner, AgentId agent, String reason);
}
