package com.agentanchor.agents.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * An owner retires their agent for good: nothing brings a retired agent back. The marketplace hears of it
 * ({@code AgentStatusChanged} to {@code retired}) and takes it off the market; its keys still report but are
 * allowed nothing.
 */
@PrimaryPort
public interface AgentRetirement {

    /**
     * @throws AgentNotFound when the caller cannot see the agent
     * @throws AgentNotEditable when the caller sees it but does not own it
     * @throws AgentRetiredAlready when it is retired already
     */
    AgentView retire(ProfileId owner, AgentId id);
}
