package com.agentanchor.profiles.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** A new subject arrived with an email that already belongs to another profile. */
public class EmailAlreadyTaken extends Refusal.Conflict {

    public EmailAlreadyTaken(String email) {
        super("Email already taken", "The email " + email + " already belongs to another account");
    }
}
