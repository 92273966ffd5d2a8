package com.agentanchor.academy.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** No such enrollment, or none the caller may see. */
public class EnrollmentNotFound extends Refusal.NotFound {

    public EnrollmentNotFound(String message) {
        super("Not found", message);
    }
}
