package com.agentanchor.marketplace.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The agent cannot be listed as it is: not active, or listed already. */
public class NotListable extends Refusal.Conflict {

    public NotListable(String message) {
        super("Not listable", message);
    }
}
