package com.agentanchor.marketplace.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** No such listing, acquisition or agent, or none the caller may see. */
public class NotFound extends Refusal.NotFound {

    public NotFound(String message) {
        super("Not found", message);
    }
}
