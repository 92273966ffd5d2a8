/** HTTP for the truth chain: {@code /api/truth-chain}, public (no login): a third party must be able to verify. */
@PrimaryAdapter
package com.agentanchor.truthchain.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
