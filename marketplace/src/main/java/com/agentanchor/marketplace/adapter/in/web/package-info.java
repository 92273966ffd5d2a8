/** HTTP for the marketplace: {@code /api/marketplace/listings} and {@code /api/marketplace/acquisitions}. */
@PrimaryAdapter
package com.agentanchor.marketplace.adapter.in.web;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
