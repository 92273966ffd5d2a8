/** What the notifications module needs: its tables, and a way to POST to the outside world. */
@SecondaryPort
package com.agentanchor.notifications.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
