package com.agentanchor.truthchain.application.port.out;

import java.util.Optional;

/** The checkpoints the log has signed. */
public interface Checkpoints {

    /** The largest. */
    Optional<StoredCheckpoint> latest();

    /** Stores a signed checkpoint; refused if one of the same size with another root exists. */
    void record(StoredCheckpoint checkpoint);

    /** @param rootHash hex */
    record StoredCheckpoint(long treeSize, String rootHash, String keyId, String note) {
    }
}
