/** What the academy needs from the outside: storage. */
@SecondaryPort
package com.agentanchor.academy.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
