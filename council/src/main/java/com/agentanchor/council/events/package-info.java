/** Events the council publishes: a stable contract, stored in the event publication registry. */
@NamedInterface("events")
package com.agentanchor.council.events;

import org.springframework.modulith.NamedInterface;
