/**
 * Truth chain: the append-only, hash-chained and signed ledger of what mattered (creations, graduations,
 * decisions, trust changes, acquisitions), verifiable by anyone. Owns {@code truth_chain}. Not yet implemented.
 */
@ApplicationModule(displayName = "Truth chain")
package com.agentanchor.truthchain;

import org.springframework.modulith.ApplicationModule;
