package com.agentanchor.marketplace.domain;

/**
 * How a consumer holds an agent; the database enum {@code acquisition_type}. Under commission the seller's agent
 * works for the consumer, who pays the listing's rate per use; a clone is a copy bought outright, a new agent of the
 * consumer's; an enterprise lock is an exclusive licence: while it is active nobody else acquires the listing.
 */
public enum AcquisitionType {
    commission, clone, enterprise_lock
}
