/**
 * Council: the AI council that approves, rejects or escalates what agents may do, with human overrides.
 * Owns {@code council_decisions}. Not yet implemented.
 */
@ApplicationModule(displayName = "Council")
package com.agentanchor.council;

import org.springframework.modulith.ApplicationModule;
