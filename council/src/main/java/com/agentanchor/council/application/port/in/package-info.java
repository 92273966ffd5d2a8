/** What others may tell and ask the council. */
@NamedInterface("api")
package com.agentanchor.council.application.port.in;

import org.springframework.modulith.NamedInterface;
