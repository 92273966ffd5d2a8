package com.agentanchor.council.application.port.in;

import java.util.UUID;

import com.agentanchor.platform.refusal.Refusal;

/** No such decision, or none the caller may see. */
public class DecisionNotFound extends Refusal.NotFound {

    public DecisionNotFound(UUID id) {
        super("Decision not found", "No council decision " + id);
    }
}
