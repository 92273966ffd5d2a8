/** Use-case interfaces of realtime. */
@PrimaryPort
package com.agentanchor.realtime.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
