/**
 * Agents: what trainers build. Owns {@code agents} (and, as the schema grows, {@code trust_history}), registers
 * agents, lists what a user may see (their own plus every active agent), lets owners edit theirs, and computes
 * the trust tier from the score.
 */
@ApplicationModule(displayName = "Agents", allowedDependencies = { "platform", "profiles :: api" })
package com.agentanchor.agents;

import org.springframework.modulith.ApplicationModule;
