/**
 * The truth chain's cryptographic core, with no Spring and no database: RFC 8785 canonical JSON for what gets
 * hashed, RFC 9162 Merkle trees with inclusion and consistency proofs ({@code merkle}), C2SP checkpoints and
 * signed notes ({@code note}), and the platform's Ed25519 key. Everything here is deterministic and checkable by
 * an outside auditor with standard tools, which is the point of the truth chain.
 */
package com.agentanchor.truthchain.domain;
