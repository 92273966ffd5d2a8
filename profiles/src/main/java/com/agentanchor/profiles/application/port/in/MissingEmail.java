package com.agentanchor.profiles.application.port.in;

/** A new subject's token carries no email, and a profile cannot exist without one. */
public class MissingEmail extends RuntimeException {

    public MissingEmail() {
        super("The token has no email claim; a profile needs one");
    }
}
