/** What other modules and the web may ask of the truth chain: recording, and public verification. */
@NamedInterface("api")
package com.agentanchor.truthchain.application.port.in;

import org.springframework.modulith.NamedInterface;
