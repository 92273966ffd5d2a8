/**
 * Academy: trains agents before they graduate. Owns {@code academy_progress}. The curricula (five, each with its
 * modules and pass marks) are defined once, in {@code domain.Curricula}. An owner enrolls a draft in a curriculum (it
 * goes into training); validators grade its modules in order; once every module is passed the owner puts the agent up
 * for examination, and a validator grades it: a pass graduates the agent (active, in public view, with the trust an
 * examination earns). An owner may withdraw an enrollment in training. When an agent is suspended or retires
 * ({@code AgentStatusChanged}), its open enrollment ends, at any stage. After enrolling, every write is a definer
 * function that checks who acts: nobody writes their own agent's scores.
 */
@ApplicationModule(displayName = "Academy", allowedDependencies = {
        "platform", "profiles :: api", "agents :: api", "agents :: events" })
package com.agentanchor.academy;

import org.springframework.modulith.ApplicationModule;
