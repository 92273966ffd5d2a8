package com.agentanchor.marketplace.application.port.in;

import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** A trainer's side of the marketplace: list a graduated agent, keep the listing, see and serve its sales. */
@PrimaryPort
public interface Selling {

    /**
     * Lists the agent, published at once (or held back, paused).
     *
     * @throws NotFound when the caller owns no such agent
     * @throws NotListable when the agent is not active, or already has an active listing
     * @throws InvalidMarketplaceRequest when the terms offer a kind of acquisition without its price
     */
    ListingView list(ProfileId seller, NewListing listing);

    /**
     * Changes the seller's listing: what it says, its terms, its status (active ⇄ paused → retired).
     *
     * @throws NotFound when the caller sees no such listing
     * @throws NotYours when the listing is someone else's
     * @throws NotListable when the status cannot move there (a retired listing stays retired), or the agent is no
     *         longer active, or has another active listing
     * @throws InvalidMarketplaceRequest when the terms are not offerable (a price missing, fewer clones than sold)
     */
    ListingView revise(ProfileId seller, UUID listingId, ListingRevision revision);

    /** The seller's own listings, every status, newest first. */
    Page<ListingView> listingsOf(ProfileId seller, String after, int limit);

    /** Acquisitions of the seller's listings, newest first. */
    Page<AcquisitionView> salesOf(ProfileId seller, String after, int limit);

    /**
     * Ends an active commission or enterprise acquisition of the seller's listing.
     *
     * @throws NotFound when the caller sees no such acquisition
     * @throws NotYours when it is not of the caller's listing
     * @throws NotChangeable when it has ended already, or is a clone
     */
    AcquisitionView terminate(ProfileId seller, UUID acquisitionId, String reason);

    /**
     * Records {@code uses} more uses of an active commission acquisition, which the consumer pays at the rate
     * copied when they acquired.
     *
     * @throws NotFound when the caller sees no such acquisition
     * @throws NotYours when it is not of the caller's listing
     * @throws NotChangeable when it has ended, or is not a commission
     */
    AcquisitionView recordUsage(ProfileId seller, UUID acquisitionId, int uses);

    /**
     * Takes the seller's agent off the market for good, as its retirement does: every listing of it not retired yet
     * retires, and their active commissions and enterprise locks are terminated (clones are their consumers' agents
     * and stay). Doing it again changes nothing.
     */
    void withdraw(ProfileId seller, UUID agentId, String reason);
}
