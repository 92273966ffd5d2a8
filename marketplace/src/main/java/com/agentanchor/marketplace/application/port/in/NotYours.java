package com.agentanchor.marketplace.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The caller sees the listing or acquisition, but this move belongs to its seller or its consumer. */
public class NotYours extends Refusal.NotAllowed {

    public NotYours(String message) {
        super("Not yours", message);
    }
}
