package com.agentanchor.truthchain.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a sealed record keeps off the chain, and the commitment to it that the chain signs instead. The
 * <em>opening</em> is the RFC 8785 canonical JSON of
 *
 * <pre>{"actor":{"id":…,"type":…}|null,"payload":{…private fields…},"salt":"&lt;64 hex: 256 random bits&gt;"}</pre>
 *
 * and the commitment is the SHA-256 of those bytes, in lowercase hex. The salt makes the commitment hiding: without
 * it, a reader could confirm a guess ("is this draft agent called X, owned by Y?") by hashing it; with it, the
 * commitment says nothing until the opening is shown. It is binding as SHA-256 is collision resistant. The opening
 * is kept beside the chain, readable under row-level security only by those who may see the record's subject, and
 * erasable: the signed bytes, and so every hash, link, signature, checkpoint and proof, stay as they were.
 */
public final class PrivateFields {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFields() {
    }

    /** An opening and the commitment to it. */
    public record Sealed(byte[] opening, String commitment) {
    }

    /**
     * Seals {@code actor} (may be null) and {@code privatePayload} (canonical JSON text of an object) with a fresh
     * 256-bit salt.
     */
    public static Sealed seal(Actor actor, String privatePayload) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return seal(actor, privatePayload, salt);
    }

    static Sealed seal(Actor actor, String privatePayload, byte[] salt) {
        Objects.requireNonNull(privatePayload, "privatePayload");
        if (!privatePayload.startsWith("{")) {
            throw new IllegalArgumentException("private fields are a JSON object");
        }
        if (salt.length != 32) {
            throw new IllegalArgumentException("a salt is 32 bytes");
        }
        byte[] opening = CanonicalJson.canonicalize("{\"actor\":" + (actor == null ? "null" : actor.json())
                + ",\"payload\":" + privatePayload + ",\"salt\":\"" + HEX.formatHex(salt) + "\"}");
        return new Sealed(opening, commitmentOf(opening));
    }

    /** The commitment to {@code opening}: SHA-256, lowercase hex. */
    public static String commitmentOf(byte[] opening) {
        return HEX.formatHex(Sha256.hash(opening));
    }

    /**
     * Whether stored {@code opening} bytes open {@code commitment}: canonical JSON (so they can be shown as JSON) whose
     * SHA-256 is the signed commitment. Never throws: tampered bytes are simply not an opening.
     */
    public static boolean opens(byte[] opening, String commitment) {
        if (opening == null || commitment == null || !isJson(opening)) {
            return false;
        }
        return MessageDigest.isEqual(commitmentOf(opening).getBytes(StandardCharsets.US_ASCII),
                commitment.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code bytes} are a JSON object in canonical form (safe to embed in a JSON response as they are). */
    public static boolean isJson(byte[] bytes) {
        try {
            return bytes.length > 0 && bytes[0] == '{' && Arrays.equals(CanonicalJson.canonicalize(bytes), bytes);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
