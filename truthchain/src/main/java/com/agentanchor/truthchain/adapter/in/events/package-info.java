/** Turns other modules' events into truth records. */
@PrimaryAdapter
package com.agentanchor.truthchain.adapter.in.events;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
