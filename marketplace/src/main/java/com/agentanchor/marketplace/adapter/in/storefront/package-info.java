/** What the marketplace puts on a profile's public page (profiles' {@code StorefrontShelves.Listings}). */
@PrimaryAdapter
package com.agentanchor.marketplace.adapter.in.storefront;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
