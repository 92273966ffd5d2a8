package com.agentanchor.truthchain.application.port.out;

import java.time.Instant;
import java.util.List;

/** The table of published public keys. */
public interface PublishedKeys {

    /** Publishes the key as the current one (retiring the others); idempotent. */
    void publish(String keyId, byte[] publicKey);

    /** Oldest first. */
    List<PublishedKey> all();

    record PublishedKey(String keyId, String algorithm, byte[] publicKey, Instant createdAt, Instant retiredAt) {
    }
}
