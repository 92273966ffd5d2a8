package com.agentanchor.council.application.port.in;

/** The decision cannot be overridden as it is: not decided yet, overridden already, or a suspension's. */
public class OverrideRefused extends RuntimeException {

    public OverrideRefused(String message) {
        super(message);
    }
}
