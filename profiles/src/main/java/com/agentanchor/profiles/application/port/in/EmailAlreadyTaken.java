package com.agentanchor.profiles.application.port.in;

/** A new subject arrived with an email that already belongs to another profile. */
public class EmailAlreadyTaken extends RuntimeException {

    public EmailAlreadyTaken(String email) {
        super("The email " + email + " already belongs to another account");
    }
}
