/** What the marketplace needs from the outside: storage. */
@SecondaryPort
package com.agentanchor.marketplace.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
