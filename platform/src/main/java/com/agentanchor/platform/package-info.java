/**
 * Platform: what every module stands on. Chooses and guards the database (embedded by default, the app role at
 * run time, the acting user in every transaction), verifies bearer tokens, turns refusals and errors into problem
 * details, documents the API and resubmits event publications a listener could not complete. It depends on no
 * domain module; the domain modules reach it through the few public types of its packages, so it is an open module.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package com.agentanchor.platform;

import org.springframework.modulith.ApplicationModule;
