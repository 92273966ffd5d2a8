package com.agentanchor.marketplace.domain;

/**
 * Where an acquisition is; the database enum {@code acquisition_status}. An acquisition is active until its consumer
 * walks away or its seller terminates it; suspended and expired are not reached yet.
 */
public enum AcquisitionStatus {
    active, suspended, terminated, expired
}
