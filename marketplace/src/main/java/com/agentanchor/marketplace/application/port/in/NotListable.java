package com.agentanchor.marketplace.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The agent cannot be listed, or the listing changed, as it is: not active, listed already, retired. */
public class NotListable extends Refusal.Conflict {

    public NotListable(String message) {
        super("Not listable", message);
    }
}
