/** What the marketplace does when other modules' events concern it. */
@PrimaryAdapter
package com.agentanchor.marketplace.adapter.in.events;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
