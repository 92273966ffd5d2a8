package com.agentanchor.marketplace.domain;

/** Where a listing is; the database enum {@code listing_status}. Only {@code active} listings are on sale. */
public enum ListingStatus {
    draft, pending_review, active, paused, sold_out, retired
}
