/** Turns other modules' events into observations. */
@PrimaryAdapter
package com.agentanchor.observer.adapter.in.events;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
