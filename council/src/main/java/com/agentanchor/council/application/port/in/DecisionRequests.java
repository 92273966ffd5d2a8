package com.agentanchor.council.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** Owners put what their agents want to do before the council; decisions start pending. */
@PrimaryPort
public interface DecisionRequests {

    /**
     * @throws AgentNotYours when the requester does not own the agent (or cannot see it)
     */
    DecisionView request(ProfileId owner, RequestDecision request);
}
