/**
 * Platform: what every module stands on. Chooses and guards the database (embedded by default, the app role at
 * run time, the acting user in every transaction), verifies bearer tokens and provisions profiles, and turns
 * errors into problem details. Nothing depends on it.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = { "profiles :: api" })
package com.agentanchor.platform;

import org.springframework.modulith.ApplicationModule;
