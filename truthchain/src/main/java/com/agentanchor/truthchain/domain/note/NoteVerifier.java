package com.agentanchor.truthchain.domain.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import com.agentanchor.truthchain.domain.PlatformKey;
import com.agentanchor.truthchain.domain.Sha256;

/**
 * A named Ed25519 public key that checks note signatures. Its text form, the vkey
 * {@code <name>+<hex key ID>+<base64(0x01 || public key)>}, is what a verifier is configured with.
 */
public final class NoteVerifier {

    /** The c2sp.org/signed-note signature type byte for Ed25519. */
    static final byte ED25519 = 0x01;

    private final String name;
    private final byte[] publicKey;
    private final int keyId;

    public NoteVerifier(String name, byte[] publicKey) {
        this.name = NoteText.requireKeyName(name);
        if (publicKey == null || publicKey.length != PlatformKey.PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has " + PlatformKey.PUBLIC_KEY_SIZE + " bytes");
        }
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, publicKey);
    }

    /** Reads a vkey; rejects one whose key ID does not match its name and key. */
    public static NoteVerifier parse(String vkey) {
        // The base64 part may itself contain '+', so split on the first two only.
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a vkey: " + vkey);
        }
        byte[] key = decodeBase64(parts[2]);
        if (key.length != 1 + PlatformKey.PUBLIC_KEY_SIZE || key[0] != ED25519) {
            throw new IllegalArgumentException("not an Ed25519 vkey: " + vkey);
        }
        var verifier = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, key.length));
        if (verifier.keyId != Integer.parseUnsignedInt(parts[1], 16)) {
            throw new IllegalArgumentException("key ID does not match the key in vkey: " + vkey);
        }
        return verifier;
    }

    public String name() {
        return name;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** SHA-256(key name || 0x0A || 0x01 || public key)[:4], big-endian. */
    public int keyId() {
        return keyId;
    }

    public String vkey() {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + "%08x".formatted(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    boolean verify(byte[] text, byte[] signature) {
        return PlatformKey.verify(publicKey, text, signature);
    }

    static int keyId(String name, byte[] publicKey) {
        byte[] hash = Sha256.hash(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519}, publicKey);
        return (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | (hash[3] & 0xff);
    }

    /** Standard base64 that must round-trip, so one value has exactly one accepted spelling. */
    static byte[] decodeBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid base64", e);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("non-canonical base64");
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier other && name.equals(other.name) && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return vkey();
    }
}
