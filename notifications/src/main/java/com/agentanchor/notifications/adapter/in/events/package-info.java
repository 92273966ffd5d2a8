/** Other modules' events that a user hears about. */
@PrimaryAdapter
package com.agentanchor.notifications.adapter.in.events;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
