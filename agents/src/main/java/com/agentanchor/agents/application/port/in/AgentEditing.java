package com.agentanchor.agents.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** An owner changing their agent's description, prompt, model or settings. */
@PrimaryPort
public interface AgentEditing {

    /**
     * @throws AgentNotFound when the editor cannot see the agent
     * @throws AgentNotEditable when the editor sees it but does not own it
     */
    AgentView revise(ProfileId editor, AgentId id, AgentRevision revision);
}
