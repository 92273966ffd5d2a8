/**
 * RFC 9162 (RFC 6962) Merkle trees over the truth chain's entries: tree hashes, inclusion and consistency proofs,
 * and their verification, byte-compatible with Certificate Transparency and the C2SP tlog ecosystem.
 */
package com.agentanchor.truthchain.domain.merkle;
