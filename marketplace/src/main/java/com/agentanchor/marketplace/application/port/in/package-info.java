/** What the web may ask of the marketplace. */
@NamedInterface("api")
package com.agentanchor.marketplace.application.port.in;

import org.springframework.modulith.NamedInterface;
