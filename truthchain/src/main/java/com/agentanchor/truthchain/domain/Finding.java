package com.agentanchor.truthchain.domain;

/** The first broken link: which record, what is wrong with it, and the details. */
public record Finding(long sequence, Defect defect, String reason) {
}
