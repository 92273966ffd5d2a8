/**
 * Truth chain: the append-only, hash-chained and signed ledger of what mattered (creations, graduations,
 * decisions, trust changes, acquisitions, overrides), verifiable by anyone. Owns {@code truth_chain},
 * {@code truth_chain_keys} and {@code truth_chain_checkpoints}; records other modules' events (through the event
 * publication registry, idempotently by event id) and serves public verification: records, ranges, a signed C2SP
 * checkpoint, RFC 9162 inclusion and consistency proofs, and the published keys. A verification that finds the chain
 * broken publishes {@code ChainIntegrityViolated}.
 */
@ApplicationModule(displayName = "Truth chain", allowedDependencies = {
        "platform", "agents :: events", "council :: events",
        "marketplace :: events", "profiles :: api", "profiles :: events" })
package com.agentanchor.truthchain;

import org.springframework.modulith.ApplicationModule;
