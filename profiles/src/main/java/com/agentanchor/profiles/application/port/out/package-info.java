/** What profiles needs from the outside: storage. */
@SecondaryPort
package com.agentanchor.profiles.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
