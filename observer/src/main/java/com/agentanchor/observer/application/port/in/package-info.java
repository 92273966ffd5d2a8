/** What other modules may ask of the observer. */
@NamedInterface("api")
package com.agentanchor.observer.application.port.in;

import org.springframework.modulith.NamedInterface;
