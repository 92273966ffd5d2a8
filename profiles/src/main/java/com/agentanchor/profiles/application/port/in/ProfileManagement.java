package com.agentanchor.profiles.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** A user reading, editing and deleting their own profile. */
@PrimaryPort
public interface ProfileManagement {

    ProfileView current(ProfileId caller);

    ProfileView revise(ProfileId caller, ProfileRevision revision);

    /**
     * Deletes the caller's profile, their agents with everything about them, their listings and acquisitions, and
     * their private fields on the truth chain (whose records stay, and verify). Signing in again starts afresh.
     */
    void delete(ProfileId caller);
}
