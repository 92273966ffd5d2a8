/**
 * Marketplace: listings of agents and their acquisition by consumers. Owns {@code marketplace_listings} and
 * {@code acquisitions}. Not yet implemented.
 */
@ApplicationModule(displayName = "Marketplace")
package com.agentanchor.marketplace;

import org.springframework.modulith.ApplicationModule;
