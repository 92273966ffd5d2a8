package com.agentanchor.profiles.application.port.in;

import java.util.List;

/**
 * What other modules put on a profile's public page. Profiles sits below every module (they all name people by
 * {@link ProfileId}), so it cannot ask agents or the marketplace; instead they implement these, and a public profile
 * shows whatever is there (nothing, when a module is absent, as in profiles' own tests). Each runs inside the
 * public profile's read-only transaction, as the caller (or anonymously), under row-level security.
 */
public final class StorefrontShelves {

    private StorefrontShelves() {
    }

    /** The owner's agents in public view (active), newest first: implemented by agents. */
    public interface Agents {
        List<ShowcasedAgent> publicAgentsOf(ProfileId owner, int limit);
    }

    /** The seller's active listings, newest first: implemented by the marketplace. */
    public interface Listings {
        List<ShowcasedListing> activeListingsOf(ProfileId seller, int limit);
    }
}
