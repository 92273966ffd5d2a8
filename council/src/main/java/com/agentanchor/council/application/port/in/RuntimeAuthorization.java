package com.agentanchor.council.application.port.in;

import java.time.Duration;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.agents.application.port.in.CallingAgent;

/**
 * An agent asks before it acts. Its trust tier sets what it may do alone (the council's {@code Autonomy}); above
 * that, the request becomes a pending council decision it can wait for.
 */
@PrimaryPort
public interface RuntimeAuthorization {

    /** The longest a caller may wait for a decision in one call. */
    Duration MAX_WAIT = Duration.ofSeconds(30);

    AuthorizationAnswer authorize(CallingAgent agent, AuthorizationRequest request);

    /** Where the agent's request {@code decisionId} stands now. */
    AuthorizationAnswer decision(CallingAgent agent, UUID decisionId);
}
