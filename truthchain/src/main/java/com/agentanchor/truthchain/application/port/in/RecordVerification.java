package com.agentanchor.truthchain.application.port.in;

import java.time.Instant;

import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.Defect;
import com.agentanchor.truthchain.domain.Subject;

/**
 * A record as signed (read from its canonical bytes when they parse, else from its columns), the evidence to check
 * it (canonical bytes, hash, signature, key id), and whether it verifies, with the reason when not.
 *
 * @param payload the payload's canonical JSON text
 */
public record RecordVerification(long sequence, String recordType, Subject subject, Actor actor, String payload,
        Instant createdAt, String previousHash, String hash, String signature, String keyId, byte[] canonical,
        boolean verified, Defect defect, String reason) {
}
