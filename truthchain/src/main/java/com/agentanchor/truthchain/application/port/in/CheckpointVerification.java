package com.agentanchor.truthchain.application.port.in;

import com.agentanchor.truthchain.domain.Finding;

/** Records 1..treeSize checked against a signed checkpoint; {@code rootMatches} when the Merkle roots agree. */
public record CheckpointVerification(long treeSize, String checkpoint, long verified, boolean rootMatches,
        boolean intact, Finding firstBroken) {
}
