package com.agentanchor.truthchain.application.port.in;

import java.util.List;

/** RFC 9162 consistency proof from the tree of size {@code from} to the tree of size {@code to}; base64 hashes. */
public record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash, List<String> proof) {
}
