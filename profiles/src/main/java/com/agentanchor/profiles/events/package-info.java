/** Events profiles publishes: a stable contract, stored in the event publication registry. */
@NamedInterface("events")
package com.agentanchor.profiles.events;

import org.springframework.modulith.NamedInterface;
