package com.agentanchor.marketplace.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.marketplace.application.port.in.AcquisitionView;
import com.agentanchor.marketplace.application.port.in.ListingView;
import com.agentanchor.marketplace.application.port.in.NotAcquirable;

/** acquisitions, under the acting user's row-level security. */
public interface Acquisitions {

    /**
     * A new active commission acquisition of the listing at its rate; the database counts it on the listing.
     *
     * @throws NotAcquirable when the consumer already holds an active acquisition of the listing
     */
    AcquisitionView insertCommission(ListingView listing, UUID consumerId);

    boolean holdsActive(UUID listingId, UUID consumerId);

    Optional<AcquisitionView> find(UUID id);

    /** The consumer's acquisitions, newest first. */
    List<AcquisitionView> ofConsumer(UUID consumerId);
}
