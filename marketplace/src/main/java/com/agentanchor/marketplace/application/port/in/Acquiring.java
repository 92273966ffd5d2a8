package com.agentanchor.marketplace.application.port.in;

import java.util.List;
import java.util.UUID;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.springframework.modulith.NamedInterface;

import com.agentanchor.marketplace.domain.AcquisitionType;
import com.agentanchor.profiles.application.port.in.ProfileId;

/** A consumer's side of the marketplace: acquire a listed agent, see what they hold, walk away, review. *
 * <p>Named on the type as well as on its package, so that Spring Modulith carries the named interface over to the
 * domain types its signature uses (AcquisitionType), which callers in other modules need.
 */
@NamedInterface("api")
@PrimaryPort
public interface Acquiring {

    /**
     * Acquires the listed agent, at the listing's terms as they are now. A clone is a new agent of the consumer's,
     * with the listed agent's configuration, starting a trust history of its own.
     *
     * @throws NotFound when there is no such listing the caller may see
     * @throws NotAcquirable when the listing is the caller's own, is not on sale (paused, sold out, retired, under an
     *         enterprise lock), does not offer {@code type}, its agent is not active any more, or the caller already
     *         holds an active acquisition of it
     */
    AcquisitionView acquire(ProfileId consumer, UUID listingId, AcquisitionType type);

    /** The caller's own acquisitions, newest first. */
    List<AcquisitionView> acquisitionsOf(ProfileId consumer);

    /**
     * One acquisition, if the caller is its consumer or owns the acquired agent.
     *
     * @throws NotFound otherwise
     */
    AcquisitionView acquisition(UUID id);

    /**
     * Ends the consumer's active acquisition, when it lets them.
     *
     * @throws NotFound when the caller sees no such acquisition
     * @throws NotYours when the caller is not its consumer
     * @throws NotChangeable when it has ended already, or is a clone (bought outright)
     */
    AcquisitionView walkAway(ProfileId consumer, UUID acquisitionId, String reason);

    /**
     * The consumer's rating (1–5) and review of what they acquired, once per acquisition; the listing's average and
     * count follow.
     *
     * @throws NotFound when the caller sees no such acquisition
     * @throws NotYours when the caller is not its consumer
     * @throws NotChangeable when it is reviewed already
     */
    AcquisitionView review(ProfileId consumer, UUID acquisitionId, int rating, String review);
}
