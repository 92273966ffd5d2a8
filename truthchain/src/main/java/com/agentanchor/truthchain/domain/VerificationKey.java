package com.agentanchor.truthchain.domain;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A published Ed25519 public key, decoded once so that checking many signatures does not decode the point each
 * time. Its id is the RFC 7638 thumbprint, so an id names exactly one key and anyone can recompute it.
 */
public final class VerificationKey {

    private final String keyId;
    private final byte[] publicKey;
    private final Ed25519PublicKeyParameters parameters;

    private VerificationKey(byte[] publicKey) {
        this.publicKey = publicKey.clone();
        this.keyId = PlatformKey.keyIdOf(publicKey);
        this.parameters = new Ed25519PublicKeyParameters(this.publicKey);
    }

    /** Throws {@link IllegalArgumentException} for anything that is not a 32-byte Ed25519 point. */
    public static VerificationKey of(byte[] publicKey) {
        if (publicKey == null || publicKey.length != PlatformKey.PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has " + PlatformKey.PUBLIC_KEY_SIZE + " bytes");
        }
        return new VerificationKey(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Ed25519 over the 32-byte record hash, as {@link PlatformKey#signHash(byte[])} signs; never throws. */
    public boolean verifyHash(byte[] hash, byte[] signature) {
        if (hash == null || hash.length != Sha256.SIZE || signature == null
                || signature.length != PlatformKey.SIGNATURE_SIZE) {
            return false;
        }
        try {
            return parameters.verify(Ed25519.Algorithm.Ed25519, null, hash, 0, hash.length, signature, 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "VerificationKey[" + keyId + "]";
    }
}
