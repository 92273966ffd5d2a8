package com.agentanchor.truthchain.application.port.in;

import java.time.Instant;

import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.Defect;
import com.agentanchor.truthchain.domain.Subject;

/**
 * A record as signed (read from its canonical bytes when they parse, else from its columns), the evidence to check
 * it (canonical bytes, hash, signature, key id), and whether it verifies, with the reason when not.
 * <p>
 * A sealed record (format 2 with a {@code commitment}) also carries what the caller may see of its private fields:
 * {@code opening} (their canonical JSON, salt included) only when row-level security lets the caller see the subject
 * and the fields were not erased, and {@code payloadVerified} only when the opening's SHA-256 is the signed
 * commitment. A public record's payload is all in the signed bytes: {@code payloadVerified} is then
 * {@code verified}.
 *
 * @param payload the signed payload's canonical JSON text (a sealed record's public fields)
 * @param opening the private fields' canonical JSON text, or null
 * @param disclosure {@code public} (nothing sealed), {@code disclosed} (opening shown and it matches),
 *        {@code mismatch} (an opening is stored but does not open the commitment), {@code erased} (the fields were
 *        erased; only those who may see the subject learn that), or {@code withheld} (not visible to this caller)
 */
public record RecordVerification(long sequence, String recordType, Subject subject, Actor actor, String payload,
        Instant createdAt, String previousHash, String hash, String signature, String keyId, byte[] canonical,
        boolean verified, Defect defect, String reason, int format, String commitment, String opening,
        boolean payloadVerified, String disclosure) {
}
