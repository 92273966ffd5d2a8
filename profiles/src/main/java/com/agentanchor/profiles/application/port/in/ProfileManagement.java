package com.agentanchor.profiles.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** A user reading and editing their own profile. */
@PrimaryPort
public interface ProfileManagement {

    ProfileView current(ProfileId caller);

    ProfileView revise(ProfileId caller, ProfileRevision revision);
}
