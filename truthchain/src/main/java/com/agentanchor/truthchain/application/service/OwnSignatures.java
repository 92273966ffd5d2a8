package com.agentanchor.truthchain.application.service;

import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.agentanchor.truthchain.domain.ChainVerifier;

/**
 * The signatures this instance put on the chain, from their append's commit until the verified log has taken their
 * records in. Checking them there with Ed25519 (about three times the cost of making them) only confirmed what this
 * process had computed moments before: under a stream of registrations it took about a twelfth of the app's CPU, in
 * bursts on both cores at every checkpoint. A remembered signature vouches only for the very bytes it was made for:
 * the record's hash recomputed from its stored bytes, the stored signature and the key must all be the remembered
 * ones, so a record or signature changed meanwhile is checked, and fails, as before; another instance's records are
 * always checked. Past {@link #MAX} waiting records, new ones are not remembered (they are then simply checked).
 */
@Component
class OwnSignatures implements ChainVerifier.KnownSignatures {

    static final int MAX = 100_000;

    private final ConcurrentHashMap<Long, Signed> signed = new ConcurrentHashMap<>();

    /** Called once the record {@code made.sequence()} is committed. */
    void remember(Signed made) {
        if (signed.size() < MAX) {
            signed.put(made.sequence(), made);
        }
    }

    /** The verified log has taken in every record up to {@code sequence}. */
    void forgetThrough(long sequence) {
        signed.keySet().removeIf(s -> s <= sequence);
    }

    @Override
    public boolean vouchFor(long sequence, String keyId, byte[] hash, byte[] signature) {
        var own = signed.get(sequence);
        return own != null && own.keyId().equals(keyId) && MessageDigest.isEqual(own.hash(), hash)
                && MessageDigest.isEqual(own.signature(), signature);
    }

    /** A signature as this instance made it: for which record, with which key, over which hash. */
    record Signed(long sequence, String keyId, byte[] hash, byte[] signature) {
    }
}
