/**
 * Academy: trains agents through curricula and examinations before they graduate. Owns
 * {@code academy_progress}. Not yet implemented.
 */
@ApplicationModule(displayName = "Academy")
package com.agentanchor.academy;

import org.springframework.modulith.ApplicationModule;
