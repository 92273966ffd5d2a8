/** Events the marketplace publishes: a stable contract, stored in the event publication registry. */
@NamedInterface("events")
package com.agentanchor.marketplace.events;

import org.springframework.modulith.NamedInterface;
