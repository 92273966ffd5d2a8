package com.agentanchor.truthchain.application.port.in;

import java.time.Instant;

/**
 * A published public key. {@code keyId} (the RFC 7638 thumbprint) is what records name; {@code publicKey} is the raw
 * 32 bytes in base64, {@code publicKeyPem} the X.509 form the JDK reads, {@code noteVerifierKey} the C2SP vkey that
 * checks checkpoints signed with it.
 */
public record PublishedKeyView(String keyId, String algorithm, String publicKey, String publicKeyPem,
        String noteVerifierKey, Instant createdAt, Instant retiredAt, boolean current) {
}
