package com.agentanchor.profiles.application.service;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.agentanchor.profiles.application.port.in.ProfileId;
import com.agentanchor.profiles.application.port.in.ProfileNotFound;
import com.agentanchor.profiles.application.port.in.PublicProfileView;
import com.agentanchor.profiles.application.port.in.PublicProfiles;
import com.agentanchor.profiles.application.port.in.StorefrontShelves;
import com.agentanchor.profiles.application.port.out.Profiles;

@Service
class PublicProfileService implements PublicProfiles {

    /** How much of each shelf a public page shows. */
    static final int SHELF_SIZE = 50;

    private final Profiles profiles;
    private final ObjectProvider<StorefrontShelves.Agents> agents;
    private final ObjectProvider<StorefrontShelves.Listings> listings;

    PublicProfileService(Profiles profiles, ObjectProvider<StorefrontShelves.Agents> agents,
            ObjectProvider<StorefrontShelves.Listings> listings) {
        this.profiles = profiles;
        this.agents = agents;
        this.listings = listings;
    }

    @Override
    @Transactional(readOnly = true)
    public PublicProfileView publicProfile(ProfileId id) {
        var profile = profiles.findPublic(id.value()).orElseThrow(() -> new ProfileNotFound("No profile " + id));
        return PublicProfileView.of(profile,
                agents.orderedStream().flatMap(shelf -> shelf.publicAgentsOf(id, SHELF_SIZE).stream()).toList(),
                listings.orderedStream().flatMap(shelf -> shelf.activeListingsOf(id, SHELF_SIZE).stream()).toList());
    }
}
