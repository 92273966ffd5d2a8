/** What the web may ask of the academy. */
@NamedInterface("api")
package com.agentanchor.academy.application.port.in;

import org.springframework.modulith.NamedInterface;
