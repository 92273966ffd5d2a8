/** Events the truth chain publishes: a stable contract, stored in the event publication registry. */
@NamedInterface("events")
package com.agentanchor.truthchain.events;

import org.springframework.modulith.NamedInterface;
