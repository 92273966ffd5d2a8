package com.agentanchor.council.application.port.in;

/** The request makes no sense for the agent as it is, e.g. reinstating an agent that is not suspended. */
public class RequestNotApplicable extends RuntimeException {

    public RequestNotApplicable(String message) {
        super(message);
    }
}
