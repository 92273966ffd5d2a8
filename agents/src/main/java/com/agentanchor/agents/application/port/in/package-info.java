/** What other modules and the web may ask of agents: registration, the catalogue, owner edits, governance. */
@NamedInterface("api")
package com.agentanchor.agents.application.port.in;

import org.springframework.modulith.NamedInterface;
