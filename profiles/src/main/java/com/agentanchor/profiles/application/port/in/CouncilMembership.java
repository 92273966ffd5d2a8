package com.agentanchor.profiles.application.port.in;

import java.util.List;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Who sits on the council: validators are appointed and dismissed by a platform admin, never by their own choice of
 * role. The credential is kept with the profile; the council, the academy and realtime ask {@code is_validator()}
 * in the database, or {@link #isValidator} here.
 */
@PrimaryPort
public interface CouncilMembership {

    /**
     * Seats {@code profile} on the council; one who sits there already keeps the first seat, and nothing changes.
     *
     * @throws NotAnAdmin unless the caller is a platform admin
     * @throws ProfileNotFound when there is no such profile
     */
    Appointment appoint(ProfileId admin, ProfileId profile);

    /**
     * Takes {@code profile} off the council.
     *
     * @throws NotAnAdmin unless the caller is a platform admin
     * @throws ProfileNotFound when it holds no credential
     */
    void dismiss(ProfileId admin, ProfileId profile);

    /** The council, longest-serving first; for any signed-in user. */
    List<ValidatorView> validators();

    /** Whether the acting user holds a validator's credential. */
    boolean isValidator(ProfileId caller);
}
