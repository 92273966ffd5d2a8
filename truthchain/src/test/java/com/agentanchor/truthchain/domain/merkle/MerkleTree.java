package com.agentanchor.truthchain.domain.merkle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The test oracle for {@link MerkleLog}: tree hashes and proofs (RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1) computed
 * straight from the definitions over leaf hashes fetched by index, re-reading leaves on every call. It reproduces
 * the transparency-dev vectors; {@link MerkleLog}, the cached implementation the service uses, must agree with it.
 */
public final class MerkleTree {

    private final LongFunction<byte[]> leafHashes;

    /** {@code leafHashes.apply(i)} must return the 32-byte leaf hash of entry {@code i} for every index asked for. */
    public MerkleTree(LongFunction<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    public static MerkleTree of(List<byte[]> leafHashes) {
        var copy = List.copyOf(leafHashes);
        return new MerkleTree(index -> index < copy.size() ? copy.get((int) index) : null);
    }

    /** MTH(D[0:treeSize]). */
    public byte[] rootHash(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        return subtreeHash(0, treeSize);
    }

    /** PATH(index, D[0:treeSize]), ordered from the leaf upwards. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of size " + treeSize);
        }
        var proof = new ArrayList<byte[]>();
        path(index, 0, treeSize, proof);
        return List.copyOf(proof);
    }

    /** PROOF(size1, D[0:size2]); empty when the sizes are equal. Defined for 0 < size1 <= size2 only. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        if (size1 <= 0 || size2 < size1) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        var proof = new ArrayList<byte[]>();
        subproof(size1, 0, size2, true, proof);
        return List.copyOf(proof);
    }

    // PATH(m, D[lo:hi]) with m relative to lo.
    private void path(long m, long lo, long hi, List<byte[]> proof) {
        if (hi - lo <= 1) {
            return;
        }
        long k = splitPoint(hi - lo);
        if (m < k) {
            path(m, lo, lo + k, proof);
            proof.add(subtreeHash(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, proof);
            proof.add(subtreeHash(lo, lo + k));
        }
    }

    // SUBPROOF(m, D[lo:hi], b); b says whether MTH(D[lo:lo+m]) is already known to the verifier.
    private void subproof(long m, long lo, long hi, boolean known, List<byte[]> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!known) {
                proof.add(subtreeHash(lo, hi));
            }
            return;
        }
        long k = splitPoint(n);
        if (m <= k) {
            subproof(m, lo, lo + k, known, proof);
            proof.add(subtreeHash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, proof);
            proof.add(subtreeHash(lo, lo + k));
        }
    }

    /**
     * MTH(D[lo:hi]) in one left-to-right pass: a stack of complete subtrees, merged like binary carries, then
     * folded right to left. Same result as the RFC's recursion, with O(log n) memory.
     */
    byte[] subtreeHash(long lo, long hi) {
        if (lo == hi) {
            return MerkleHash.emptyRoot();
        }
        var stack = new ArrayDeque<byte[]>();
        for (long i = lo; i < hi; i++) {
            byte[] hash = leafHash(i);
            for (long count = i - lo + 1; (count & 1) == 0; count >>= 1) {
                hash = MerkleHash.node(stack.pop(), hash);
            }
            stack.push(hash);
        }
        byte[] root = stack.pop();
        while (!stack.isEmpty()) {
            root = MerkleHash.node(stack.pop(), root);
        }
        return root;
    }

    private byte[] leafHash(long index) {
        byte[] hash = leafHashes.apply(index);
        if (!MerkleHash.isHash(hash)) {
            throw new IllegalStateException("no 32-byte leaf hash for index " + index);
        }
        return hash;
    }

    /** The largest power of two smaller than n (n >= 2): where the RFC splits a tree. */
    private static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }
}
