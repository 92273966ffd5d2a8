package com.agentanchor.marketplace.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** A trainer's side of the marketplace: list a graduated agent. */
@PrimaryPort
public interface Selling {

    /**
     * Lists the agent, published at once.
     *
     * @throws NotFound when the caller owns no such agent
     * @throws NotListable when the agent is not active, or already has an active listing
     */
    ListingView list(ProfileId seller, NewListing listing);
}
