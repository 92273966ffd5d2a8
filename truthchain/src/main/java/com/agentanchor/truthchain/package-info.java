/**
 * Truth chain: the append-only, hash-chained and signed ledger of what mattered (creations, graduations,
 * decisions, trust changes, acquisitions), verifiable by anyone. Owns {@code truth_chain}. So far only the
 * cryptographic core in {@code domain} exists; storage and API come later.
 */
@ApplicationModule(displayName = "Truth chain")
package com.agentanchor.truthchain;

import org.springframework.modulith.ApplicationModule;
