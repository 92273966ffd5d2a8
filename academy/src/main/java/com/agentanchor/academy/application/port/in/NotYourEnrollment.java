package com.agentanchor.academy.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The caller sees the enrollment (as a validator) but does not own its agent. */
public class NotYourEnrollment extends Refusal.NotAllowed {

    public NotYourEnrollment(String message) {
        super("Not your enrollment", message);
    }
}
