package com.agentanchor.profiles.application.port.out;

import java.util.Optional;
import java.util.UUID;

import com.agentanchor.profiles.application.port.in.AuthenticatedSubject;
import com.agentanchor.profiles.domain.Profile;

/** The stored profiles, as far as the acting user may see them. */
public interface Profiles {

    /** The profile of a subject, created if new; empty when the email belongs to another subject. */
    Optional<Provisioned> provision(AuthenticatedSubject subject);

    /** Locks the row for the rest of the transaction, so concurrent edits apply one after the other. */
    Optional<Profile> findForUpdate(UUID id);

    Optional<Profile> find(UUID id);

    Profile save(Profile profile);

    record Provisioned(UUID id, boolean created) {
    }
}
