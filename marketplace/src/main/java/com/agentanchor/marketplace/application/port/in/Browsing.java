package com.agentanchor.marketplace.application.port.in;

import java.util.List;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** Anyone's side of the marketplace, signed in or not: the catalogue. Row-level security decides what is seen. */
@PrimaryPort
public interface Browsing {

    /**
     * Active listings of active agents matching the query, in its order.
     *
     * @throws InvalidMarketplaceRequest when {@code after} is not a cursor of this order
     */
    Page<ListingView> search(ListingQuery query);

    /** The seller's listings on sale (active, of an active agent), newest first: for their public page. */
    List<ListingView> activeListingsOf(UUID sellerId, int limit);

    /**
     * An active listing, or one of the caller's own; a look at an active listing by anyone but its seller counts
     * as a view (the database knows who looks).
     *
     * @throws NotFound when there is no such listing the caller may see
     */
    ListingView listing(UUID id);
}
