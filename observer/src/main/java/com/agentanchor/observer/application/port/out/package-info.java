/** What the observer needs from the outside: storage. */
@SecondaryPort
package com.agentanchor.observer.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
