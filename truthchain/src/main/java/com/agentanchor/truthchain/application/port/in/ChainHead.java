package com.agentanchor.truthchain.application.port.in;

import com.agentanchor.truthchain.domain.Finding;

/**
 * The verified head: its sequence (= the Merkle tree size) and hash, the tree's root (base64, as in the
 * checkpoint), and the latest signed checkpoint (a C2SP signed note). {@code stored} is how many records the table
 * holds; when verification stopped short of them, or the chain is shorter than a signed checkpoint,
 * {@code problem} says why, and no new checkpoint is signed.
 */
public record ChainHead(long sequence, String hash, String rootHash, String origin, String checkpoint, long stored,
        Finding problem) {
}
