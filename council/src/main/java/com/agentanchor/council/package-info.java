/**
 * Council: the AI council that approves, rejects or escalates what agents may do, with human overrides. Owns
 * {@code council_decisions}. So far it knows which human validators are online (from presence on the
 * {@code presence-council} channel); decisions themselves are not built yet.
 */
@ApplicationModule(displayName = "Council", allowedDependencies = { "profiles :: api" })
package com.agentanchor.council;

import org.springframework.modulith.ApplicationModule;
