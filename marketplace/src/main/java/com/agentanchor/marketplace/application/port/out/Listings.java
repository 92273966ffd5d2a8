package com.agentanchor.marketplace.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.marketplace.application.port.in.ListingQuery;
import com.agentanchor.marketplace.application.port.in.NotListable;
import com.agentanchor.marketplace.application.port.in.Page;
import com.agentanchor.marketplace.domain.Listing;

/** marketplace_listings, under the acting user's row-level security. */
public interface Listings {

    /**
     * Stores a new listing.
     *
     * @throws NotListable when the database already holds an active listing of the agent
     */
    Listing insert(Listing listing);

    /**
     * Writes what the seller may change (never the counters).
     *
     * @throws NotListable when the database refuses the status move, or holds another active listing of the agent
     */
    Listing update(Listing listing);

    Optional<Listing> find(UUID id);

    Optional<Listing> activeOf(UUID agentId);

    /** Every listing of the agent the caller may see. */
    List<Listing> ofAgent(UUID agentId);

    /** Active listings of active agents matching the query, one page. */
    Page<Listing> search(ListingQuery query);

    /** The seller's listings, newest first, one page. */
    Page<Listing> ofSeller(UUID sellerId, String after, int limit);

    /** Counts a view of the listing (the database skips its seller and listings not on sale). */
    void countView(UUID id);

    /** The seller's listings on sale (active, of an active agent), newest published first. */
    List<Listing> activeOfSeller(UUID sellerId, int limit);
}
