package com.agentanchor.truthchain.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 over the concatenation of its arguments; the one hash every truth chain structure uses. */
public final class Sha256 {

    public static final int SIZE = 32;

    private Sha256() {
    }

    // One digest per thread: looking one up per hash costs a third of hashing a record (verification hashes each
    // record and its Merkle leaf, hundreds of thousands in a walk). digest() resets it for the next use.
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    public static byte[] hash(byte[]... parts) {
        MessageDigest digest = DIGEST.get();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest javadoc).
            throw new IllegalStateException(e);
        }
    }
}
