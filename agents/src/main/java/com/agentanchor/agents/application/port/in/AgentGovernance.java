package com.agentanchor.agents.application.port.in;

import java.util.Optional;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/**
 * What the council's verdicts do to an agent. Every method acts for {@code validator}, and the database refuses
 * unless that user is a validator and not the agent's owner; each change is published as an event naming
 * the decision or examination that caused it.
 */
@PrimaryPort
public interface AgentGovernance {

    /** Empty when the agent does not exist or the acting user may not govern it. */
    Optional<AgentUnderReview> underReview(AgentId agent);

    void adjustTrust(ProfileId validator, AgentId agent, TrustAdjustment adjustment);

    /** Suspends the agent unless it is suspended or retired already. */
    void suspend(ProfileId validator, AgentId agent, String reason, UUID decisionId);

    /** Lifts a suspension: back to active when the agent had graduated, to draft otherwise. */
    void reinstate(ProfileId validator, AgentId agent, String reason, UUID decisionId);

    /** Closes an examination: the agent graduates (active), trains again, or, out of attempts, is a draft again. */
    void closeExamination(ProfileId validator, AgentId agent, ExaminationResult result, String reason,
            UUID examinationId);
}
