package com.agentanchor.agents.application.port.in;

import java.util.Optional;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * What the council's verdicts and the examiners' grades do to an agent. Every method acts for {@code validator},
 * and the database refuses unless that user is a validator and not the agent's owner; each change is published as
 * an event naming the decision or examination that caused it.
 */
@PrimaryPort
public interface AgentGovernance {

    /** Empty when the agent does not exist or the acting user may not govern it. */
    Optional<AgentUnderReview> underReview(AgentId agent);

    /**
     * Applies a verdict in one step, status first, then trust; returns the agent as it was before.
     *
     * @throws AgentNotFound when there is no such agent the validator may govern
     * @throws AgentNotReady when the verdict closes an examination the agent is not sitting
     */
    AgentUnderReview enact(ProfileId validator, AgentId agent, Verdict verdict);
}
