package com.agentanchor.truthchain.domain.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle tree that keeps every complete subtree hash it has built, so roots and proofs for
 * any tree size take O(log n) hashes instead of re-reading every leaf. The definitions are RFC 9162's (MTH, PATH,
 * SUBPROOF); the tests hold it to a straight-from-the-definitions oracle and the transparency-dev vectors. Memory is
 * about 64 bytes per leaf. Not thread-safe.
 */
public final class MerkleLog {

    /** levels.get(h) holds the complete subtrees of 2^h leaves, left to right. */
    private final List<HashList> levels = new ArrayList<>();
    private long size;

    public long size() {
        return size;
    }

    /** Appends the leaf hash (already {@link MerkleHash#leaf(byte[])}) of entry {@link #size()}. */
    public void append(byte[] leafHash) {
        if (!MerkleHash.isHash(leafHash)) {
            throw new IllegalArgumentException("a leaf hash has " + MerkleHash.SIZE + " bytes");
        }
        byte[] hash = leafHash;
        int height = 0;
        level(0).add(hash);
        // Each time a level gets an even count, its last two nodes complete a node one level up.
        for (long count = size + 1; (count & 1) == 0; count >>= 1) {
            HashList below = levels.get(height);
            hash = MerkleHash.node(below.get(below.size() - 2), below.get(below.size() - 1));
            level(++height).add(hash);
        }
        size++;
    }

    /** The leaf hash of entry {@code index}. */
    public byte[] leafHash(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a log of size " + size);
        }
        return levels.get(0).get(index);
    }

    /** MTH(D[0:treeSize]), for any size up to {@link #size()}. */
    public byte[] rootHash(long treeSize) {
        requireSize(treeSize);
        return subtreeHash(0, treeSize);
    }

    /** PATH(index, D[0:treeSize]), ordered from the leaf upwards. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        requireSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of size " + treeSize);
        }
        var proof = new ArrayList<byte[]>();
        path(index, 0, treeSize, proof);
        return List.copyOf(proof);
    }

    /** PROOF(size1, D[0:size2]); empty when the sizes are equal. Defined for 0 < size1 <= size2 only. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        requireSize(size2);
        if (size1 <= 0 || size2 < size1) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        var proof = new ArrayList<byte[]>();
        subproof(size1, 0, size2, true, proof);
        return List.copyOf(proof);
    }

    private void path(long m, long lo, long hi, List<byte[]> proof) {
        if (hi - lo <= 1) {
            return;
        }
        long k = Long.highestOneBit(hi - lo - 1);
        if (m < k) {
            path(m, lo, lo + k, proof);
            proof.add(subtreeHash(lo + k, hi));
        } else {
            path(m - k, lo + k, hi, proof);
            proof.add(subtreeHash(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean known, List<byte[]> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!known) {
                proof.add(subtreeHash(lo, hi));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, lo, lo + k, known, proof);
            proof.add(subtreeHash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, proof);
            proof.add(subtreeHash(lo, lo + k));
        }
    }

    /** MTH(D[lo:hi]): a stored node when the range is a complete, aligned subtree, else the RFC's split. */
    private byte[] subtreeHash(long lo, long hi) {
        long n = hi - lo;
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            return levels.get(Long.numberOfTrailingZeros(n)).get(lo / n);
        }
        long k = Long.highestOneBit(n - 1);
        return MerkleHash.node(subtreeHash(lo, lo + k), subtreeHash(lo + k, hi));
    }

    private HashList level(int height) {
        while (levels.size() <= height) {
            levels.add(new HashList());
        }
        return levels.get(height);
    }

    private void requireSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not within the log's " + size);
        }
    }

    /**
     * 32-byte hashes packed into pages of up to 1 MiB (the last one grows by doubling), so a million leaves are a
     * few arrays rather than a million objects, and a small log stays small.
     */
    private static final class HashList {

        private static final int PAGE = 1 << 15;
        private final List<byte[]> pages = new ArrayList<>();
        private long size;

        void add(byte[] hash) {
            int offset = (int) (size % PAGE);
            if (offset == 0) {
                pages.add(new byte[8 * MerkleHash.SIZE]);
            }
            byte[] last = pages.get(pages.size() - 1);
            if ((offset + 1) * MerkleHash.SIZE > last.length) {
                last = Arrays.copyOf(last, Math.min(last.length * 2, PAGE * MerkleHash.SIZE));
                pages.set(pages.size() - 1, last);
            }
            System.arraycopy(hash, 0, last, offset * MerkleHash.SIZE, MerkleHash.SIZE);
            size++;
        }

        long size() {
            return size;
        }

        byte[] get(long index) {
            byte[] page = pages.get((int) (index / PAGE));
            int offset = (int) (index % PAGE) * MerkleHash.SIZE;
            return Arrays.copyOfRange(page, offset, offset + MerkleHash.SIZE);
        }
    }
}
