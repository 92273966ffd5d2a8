package com.agentanchor.truthchain.application.port.in;

/** Where a record landed; {@code alreadyRecorded} when its source event had been recorded before. */
public record RecordedTruth(long sequence, String hash, boolean alreadyRecorded) {
}
