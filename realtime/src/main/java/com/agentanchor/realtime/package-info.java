/**
 * Realtime: turns domain events into Pusher events on the story's channels, signs channel subscriptions for the
 * users entitled to them, keeps the council's presence, takes Pusher's webhooks and, with no Pusher credentials,
 * runs the Pusher-protocol server of {@code pusher-server} inside the app. The bridge is a secondary adapter
 * (events out), the controller a primary one (pusher-js asking in); the stereotypes sit on the types.
 */
@ApplicationModule(displayName = "Realtime", allowedDependencies = { "platform", "profiles :: api", "agents :: api",
        "agents :: events", "observer :: events", "council :: api", "council :: events", "marketplace :: events",
        "truthchain :: events", "pusher" })
package com.agentanchor.realtime;

import org.springframework.modulith.ApplicationModule;
