package com.agentanchor.truthchain.application.port.in;

import java.util.List;

/**
 * RFC 9162 inclusion proof. Leaf {@code leafIndex} (= sequence - 1) is SHA-256(0x00 || record hash bytes); the
 * verifier computes it from the record's canonical bytes, never from this answer. Merkle hashes in base64.
 */
public record InclusionProof(long sequence, long leafIndex, long treeSize, String recordHash, String rootHash,
        List<String> proof) {
}
