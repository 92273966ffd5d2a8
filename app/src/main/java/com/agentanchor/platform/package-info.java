/**
 * Platform: what every module stands on. Chooses and guards the database (embedded by default, the app role at
 * run time, the acting user in every transaction), verifies bearer tokens and provisions profiles, turns errors into
 * problem details, and carries domain events to Pusher channels (or serves the Pusher protocol itself). Nothing
 * depends on it.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = { "profiles :: api", "agents :: api",
        "agents :: events", "observer :: events", "council :: api", "council :: events", "marketplace :: events",
        "truthchain :: events" })
package com.agentanchor.platform;

import org.springframework.modulith.ApplicationModule;
