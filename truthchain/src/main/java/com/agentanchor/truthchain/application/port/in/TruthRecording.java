package com.agentanchor.truthchain.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Appends to the truth chain. Each call commits in a transaction of its own (READ COMMITTED, under the chain's
 * advisory lock), batched with concurrent calls, so call it after the business change committed: from an
 * after-commit listener, which the event publication registry retries until it succeeds. Idempotent by
 * {@link NewTruth#sourceEventId()}: a redelivered event returns the record it already produced.
 */
@PrimaryPort
public interface TruthRecording {

    RecordedTruth record(NewTruth truth);
}
