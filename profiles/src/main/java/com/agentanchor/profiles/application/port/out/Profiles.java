package com.agentanchor.profiles.application.port.out;

import java.util.Optional;
import java.util.UUID;

import com.agentanchor.profiles.application.port.in.AuthenticatedSubject;
import com.agentanchor.profiles.domain.Profile;
import com.agentanchor.profiles.domain.PublicProfile;

/** The stored profiles, as far as the acting user may see them. */
public interface Profiles {

    /** The profile of a subject, created if new; empty when the email belongs to another subject. */
    Optional<Provisioned> provision(AuthenticatedSubject subject);

    /** Locks the row for the rest of the transaction, so concurrent edits apply one after the other. */
    Optional<Profile> findForUpdate(UUID id);

    Optional<Profile> find(UUID id);

    Profile save(Profile profile);

    /** Deletes the acting user's own profile through {@code delete_my_profile()}; the database cascades the rest. */
    void deleteMine();

    /** Anyone's profile, its public fields only, through {@code public_profile()}: for anyone, even anonymous. */
    Optional<PublicProfile> findPublic(UUID id);

    record Provisioned(UUID id, boolean created) {
    }
}
