package com.agentanchor.profiles.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Turns an authenticated subject into a profile, creating it exactly once on first sight. */
@PrimaryPort
public interface ProfileProvisioning {

    /**
     * @throws EmailAlreadyTaken when another subject already holds the token's email
     */
    ProfileId provision(AuthenticatedSubject subject);
}
