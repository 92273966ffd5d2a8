package com.agentanchor.marketplace.domain;

/** Where an acquisition is; the database enum {@code acquisition_status}. Only {@code active} is set yet. */
public enum AcquisitionStatus {
    active, suspended, terminated, expired
}
