package com.agentanchor.marketplace.application.port.in;

import java.util.List;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

import com.agentanchor.profiles.application.port.in.ProfileId;

/** A consumer's side of the marketplace: acquire a listed agent, see what they hold. */
@PrimaryPort
public interface Acquiring {

    /**
     * Acquires the listed agent under commission, at the listing's rate.
     *
     * @throws NotFound when there is no such active listing
     * @throws NotAcquirable when the agent is the caller's own, is not active any more, or the caller already holds
     *         an active acquisition of the listing
     */
    AcquisitionView acquire(ProfileId consumer, UUID listingId);

    /** The caller's own acquisitions, newest first. */
    List<AcquisitionView> acquisitionsOf(ProfileId consumer);

    /**
     * One acquisition, if the caller is its consumer or owns the acquired agent.
     *
     * @throws NotFound otherwise
     */
    AcquisitionView acquisition(UUID id);
}
