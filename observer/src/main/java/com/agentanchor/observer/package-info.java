/**
 * Observer: the platform's flight recorder. Owns {@code observer_events}, an append-only, sequenced log of what
 * agents and people did, fed by other modules' events and read as a feed.
 */
@ApplicationModule(displayName = "Observer", allowedDependencies = {
        "platform", "agents :: api", "agents :: events", "council :: events",
        "marketplace :: events", "profiles :: api", "profiles :: events" })
package com.agentanchor.observer;

import org.springframework.modulith.ApplicationModule;
