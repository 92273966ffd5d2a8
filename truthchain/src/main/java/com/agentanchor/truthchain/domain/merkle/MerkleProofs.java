package com.agentanchor.truthchain.domain.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) describe it, so an
 * auditor can compare this code line by line with the RFC. Every failure is {@code false}, never an exception.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof,
            byte[] rootHash) {
        if (index < 0 || index >= treeSize || !MerkleHash.isHash(leafHash) || !MerkleHash.isHash(rootHash)
                || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, rootHash);
    }

    /**
     * The RFC defines consistency proofs for 0 < size1 < size2. Beyond it: equal sizes are consistent when the
     * proof is empty and the roots are equal; size1 = 0 is rejected, since no proof can bind the empty tree.
     */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1,
            byte[] root2) {
        if (size1 <= 0 || size2 < size1 || proof == null) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && root1 != null && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty() || !MerkleHash.isHash(root1) || !MerkleHash.isHash(root2) || !allHashes(proof)) {
            return false;
        }
        var path = new ArrayList<byte[]>(proof.size() + 1);
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        path.addAll(proof);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] hash : proof) {
            if (!MerkleHash.isHash(hash)) {
                return false;
            }
        }
        return true;
    }
}
