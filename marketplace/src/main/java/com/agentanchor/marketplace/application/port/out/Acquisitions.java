package com.agentanchor.marketplace.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.agentanchor.marketplace.application.port.in.NotAcquirable;
import com.agentanchor.marketplace.application.port.in.NotChangeable;
import com.agentanchor.marketplace.application.port.in.Page;
import com.agentanchor.marketplace.domain.Acquisition;
import com.agentanchor.marketplace.domain.AcquisitionType;
import com.agentanchor.marketplace.domain.Listing;

/** acquisitions, under the acting user's row-level security; every move but the review through a definer function. */
public interface Acquisitions {

    /**
     * A new active acquisition of the listing; the database copies its terms, takes the listing's stock and counts
     * it, or refuses.
     *
     * @param clonedAgentId the consumer's new agent, for a clone; null otherwise
     * @throws NotAcquirable when the database refuses: sold out, not on sale, under an enterprise lock, held already
     */
    Acquisition insert(Listing listing, UUID consumerId, AcquisitionType type, UUID clonedAgentId);

    boolean holdsActive(UUID listingId, UUID consumerId);

    Optional<Acquisition> find(UUID id);

    /** The listing's active acquisitions the caller may see. */
    List<Acquisition> activeOf(UUID listingId);

    /** The consumer's acquisitions, newest first. */
    List<Acquisition> ofConsumer(UUID consumerId);

    /** Acquisitions of the seller's listings, newest first, one page. */
    Page<Acquisition> ofSeller(UUID sellerId, String after, int limit);

    /** @throws NotChangeable when the database refuses (the state changed since it was read) */
    void walkAway(UUID id, String reason);

    /** @throws NotChangeable when the database refuses */
    void terminate(UUID id, String reason);

    /** @throws NotChangeable when the database refuses */
    void recordUsage(UUID id, int uses);

    /** @throws NotChangeable when the acquisition is reviewed already */
    void review(UUID id, int rating, String review);
}
