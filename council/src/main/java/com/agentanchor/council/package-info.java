/**
 * Council: validators approve or reject what agents may do, by the origin's risk table (routine requests at once,
 * then one validator, a majority of three in four, or all four), and their verdicts move the agent's trust and
 * suspend or reinstate it. Owns {@code council_decisions}; knows which validators are online (presence on the
 * {@code presence-council} channel). Human overrides and precedents are not built yet.
 */
@ApplicationModule(displayName = "Council", allowedDependencies = { "profiles :: api", "agents :: api" })
package com.agentanchor.council;

import org.springframework.modulith.ApplicationModule;
