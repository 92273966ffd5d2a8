package com.agentanchor.marketplace.domain;

/** How a consumer holds an agent; the database enum {@code acquisition_type}. Only commission is offered yet. */
public enum AcquisitionType {
    commission, clone, enterprise_lock
}
