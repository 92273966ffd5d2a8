/** What agents puts on a profile's public page (profiles' {@code StorefrontShelves.Agents}). */
@PrimaryAdapter
package com.agentanchor.agents.adapter.in.storefront;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
