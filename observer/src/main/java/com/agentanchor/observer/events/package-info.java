/** Events the observer publishes: a stable contract, stored in the event publication registry. */
@NamedInterface("events")
package com.agentanchor.observer.events;

import org.springframework.modulith.NamedInterface;
