package com.agentanchor.marketplace.application.port.in;

/** The agent cannot be listed as it is: not active, or listed already. */
public class NotListable extends RuntimeException {

    public NotListable(String message) {
        super(message);
    }
}
