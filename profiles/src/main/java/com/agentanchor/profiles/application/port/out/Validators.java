package com.agentanchor.profiles.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.profiles.application.port.in.Appointment;
import com.agentanchor.profiles.application.port.in.ValidatorView;

/** validator_credentials, written only through its definer functions (which check the caller is an admin). */
public interface Validators {

    /** Through {@code grant_validator}; empty when there is no such profile. */
    Optional<Appointment> grant(UUID profileId);

    /** Through {@code revoke_validator}; false when the profile held no credential. */
    boolean revoke(UUID profileId);

    List<ValidatorView> all();

    /** {@code is_validator()} for the acting user. */
    boolean actingUserIsValidator();
}
