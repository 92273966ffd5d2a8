package com.agentanchor.marketplace.application.port.in;

/** The listing cannot be acquired by this caller: their own agent, an agent no longer active, or one they hold already. */
public class NotAcquirable extends RuntimeException {

    public NotAcquirable(String message) {
        super(message);
    }
}
