/** What the council needs from the outside: storage. */
@SecondaryPort
package com.agentanchor.council.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
