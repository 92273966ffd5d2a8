/**
 * Academy: trains agents before they graduate. Owns {@code academy_progress}. An owner enrolls a draft (it goes
 * into training) and, when ready, puts it up for examination; a validator grades the examination, and a pass
 * graduates the agent (active, in public view, with the trust an examination earns). Curricula, modules and their
 * scores are not built yet.
 */
@ApplicationModule(displayName = "Academy", allowedDependencies = { "platform", "profiles :: api", "agents :: api" })
package com.agentanchor.academy;

import org.springframework.modulith.ApplicationModule;
