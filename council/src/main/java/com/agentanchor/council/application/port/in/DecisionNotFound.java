package com.agentanchor.council.application.port.in;

import java.util.UUID;

/** No such decision, or none the caller may see. */
public class DecisionNotFound extends RuntimeException {

    public DecisionNotFound(UUID id) {
        super("No council decision " + id);
    }
}
