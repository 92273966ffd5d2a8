package com.agentanchor.profiles.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Anyone's view of a profile: its public page, the storefront, with what other modules show on it. */
@PrimaryPort
public interface PublicProfiles {

    /**
     * The profile's public page: name, avatar, storefront, its agents in public view and its active listings.
     *
     * @throws ProfileNotFound when there is no such profile
     */
    PublicProfileView publicProfile(ProfileId id);
}
