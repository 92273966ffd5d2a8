/** What agents needs from the outside: storage. */
@SecondaryPort
package com.agentanchor.agents.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
