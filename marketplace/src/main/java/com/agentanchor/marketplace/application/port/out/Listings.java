package com.agentanchor.marketplace.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.marketplace.application.port.in.ListingView;
import com.agentanchor.marketplace.application.port.in.NewListing;
import com.agentanchor.marketplace.application.port.in.NotListable;

/** marketplace_listings, under the acting user's row-level security. */
public interface Listings {

    /**
     * A new active listing, published now.
     *
     * @throws NotListable when the database already holds an active listing of the agent
     */
    ListingView insertActive(UUID sellerId, NewListing listing);

    Optional<ListingView> find(UUID id);

    Optional<ListingView> activeOf(UUID agentId);

    /** Active listings, newest published first. */
    List<ListingView> active(int limit);

    /** The seller's listings on sale (active, of an active agent), newest first. */
    List<ListingView> activeOfSeller(UUID sellerId, int limit);
}
