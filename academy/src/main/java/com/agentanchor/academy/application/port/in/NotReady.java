package com.agentanchor.academy.application.port.in;

/** The agent or enrollment is not at the step this needs. */
public class NotReady extends RuntimeException {

    public NotReady(String message) {
        super(message);
    }
}
