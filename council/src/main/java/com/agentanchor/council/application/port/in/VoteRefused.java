package com.agentanchor.council.application.port.in;

/** The vote conflicts with the decision's state: it is decided already, or this validator has voted. */
public class VoteRefused extends RuntimeException {

    public VoteRefused(String message) {
        super(message);
    }
}
