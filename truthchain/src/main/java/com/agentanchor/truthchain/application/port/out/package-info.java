/** What the truth chain needs from the outside: its tables, and the platform's signing key. */
@SecondaryPort
package com.agentanchor.truthchain.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
