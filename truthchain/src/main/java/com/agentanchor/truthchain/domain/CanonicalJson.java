package com.agentanchor.truthchain.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme: the bytes a JSON value is hashed and signed as. Needed because the same
 * value can be written many ways (key order, whitespace, {@code 1.0} vs {@code 1}, escapes), and PostgreSQL's
 * {@code jsonb::text} is not canonical either.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code json}; throws {@link IllegalArgumentException} if it is not valid JSON. */
    public static byte[] canonicalize(String json) {
        String canonical;
        try {
            canonical = new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
        }
        try {
            // Strict encoding: the library would write an unpaired surrogate escape as "?"; I-JSON forbids them.
            ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(canonical));
            byte[] bytes = new byte[utf8.remaining()];
            utf8.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("JSON string with an unpaired surrogate", e);
        }
    }

    /** The canonical form of UTF-8 encoded {@code json}. */
    public static byte[] canonicalize(byte[] json) {
        try {
            // Strict decoding: a lenient one would hash U+FFFD where the input had garbage.
            return canonicalize(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("JSON is not valid UTF-8", e);
        }
    }

    /** The canonical form as a string, for storing next to the jsonb copy. */
    public static String canonicalString(String json) {
        return new String(canonicalize(json), StandardCharsets.UTF_8);
    }
}
