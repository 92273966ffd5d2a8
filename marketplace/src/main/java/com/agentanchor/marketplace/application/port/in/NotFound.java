package com.agentanchor.marketplace.application.port.in;

/** No such listing, acquisition or agent, or none the caller may see. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
