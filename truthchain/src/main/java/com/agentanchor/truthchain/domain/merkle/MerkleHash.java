package com.agentanchor.truthchain.domain.merkle;

import com.agentanchor.truthchain.domain.Sha256;

/**
 * RFC 9162 §2.1.1 hashing. The 0x00/0x01 prefixes keep a leaf from ever being passed off as an interior node
 * (second-preimage resistance).
 */
public final class MerkleHash {

    public static final int SIZE = Sha256.SIZE;

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};
    private static final byte[] EMPTY = Sha256.hash();

    private MerkleHash() {
    }

    /** MTH({}) = SHA-256(""). */
    public static byte[] emptyRoot() {
        return EMPTY.clone();
    }

    /** SHA-256(0x00 || data). */
    public static byte[] leaf(byte[] data) {
        return Sha256.hash(LEAF_PREFIX, data);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        return Sha256.hash(NODE_PREFIX, left, right);
    }

    static boolean isHash(byte[] hash) {
        return hash != null && hash.length == SIZE;
    }
}
