/** Events agents publishes: a stable contract, stored in the event publication registry. */
@NamedInterface("events")
package com.agentanchor.agents.events;

import org.springframework.modulith.NamedInterface;
