package com.agentanchor.council.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** Only an escalated request (critical, approved unanimously by the validators) waits for a sign-off. */
public class NotEscalated extends Refusal.Conflict {

    public NotEscalated(String message) {
        super("Not waiting for a sign-off", message);
    }
}
