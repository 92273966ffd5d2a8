package com.agentanchor.agents.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.jmolecules.ddd.annotation.ValueObject;

import com.agentanchor.platform.security.AgentKeys;

/**
 * An agent's API key: {@code aak_} and 256 random bits in base64url. The agent holds it; the platform keeps only
 * its {@link #hash()}, and shows the key once. The {@link #prefix()} is what lists show, to tell keys apart.
 */
@ValueObject
public record AgentKeySecret(String value) {

    /** The platform's: it tells keys from JWTs by it. */
    public static final String PREFIX = AgentKeys.PREFIX;
    private static final int RANDOM_BYTES = 32;
    private static final int SHOWN_CHARACTERS = 8;

    public static AgentKeySecret generate(SecureRandom random) {
        var bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new AgentKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** SHA-256 of the key: with 256 random bits there is nothing to guess, so a slow password hash buys nothing. */
    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public String prefix() {
        return value.substring(0, Math.min(value.length(), PREFIX.length() + SHOWN_CHARACTERS));
    }

    @Override
    public String toString() {
        return prefix() + "…"; // never the whole key in a log line
    }
}
