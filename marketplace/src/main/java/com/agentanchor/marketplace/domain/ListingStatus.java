package com.agentanchor.marketplace.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a listing is; the database enum {@code listing_status}. Only {@code active} listings are on sale. A seller
 * moves a listing between active and paused and retires it for good; only the clones it sells (or a seller lowering
 * {@code maxClones} to them) make it sold out, and more clones allowed bring it back. Nothing leads to draft or
 * pending_review: listings are published as they are made.
 */
public enum ListingStatus {
    draft, pending_review, active, paused, sold_out, retired;

    /**
     * Whether a listing may move from this status to {@code to}. The SQL twin is {@code listing_may_move}, which a
     * trigger applies to every status change; ListingStatusParityTests holds the two together.
     */
    public boolean mayMoveTo(ListingStatus to) {
        return successors().contains(to);
    }

    /** The statuses a seller may ask for; sold_out is the marketplace's to set. */
    public static final Set<ListingStatus> CHOSEN_BY_SELLERS = EnumSet.of(active, paused, retired);

    private Set<ListingStatus> successors() {
        switch (this) {
            case draft:
            case pending_review:
                return EnumSet.of(active, paused, retired);
            case active:
                return EnumSet.of(paused, sold_out, retired);
            case paused:
                return EnumSet.of(active, sold_out, retired);
            case sold_out:
                return EnumSet.of(active, paused, retired);
            default:
                return EnumSet.noneOf(ListingStatus.class);
        }
    }
}
