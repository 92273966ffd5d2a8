/**
 * Council: the AI council that approves, rejects or escalates what agents may do, with human overrides. Owns
 * {@code council_decisions}. So far owners can put an action of their agent before the council (a pending
 * decision, escalated from risk level 3 up), and the council knows which human validators are online (presence on
 * the {@code presence-council} channel); voting and deciding are not built yet.
 */
@ApplicationModule(displayName = "Council", allowedDependencies = { "profiles :: api", "agents :: api" })
package com.agentanchor.council;

import org.springframework.modulith.ApplicationModule;
