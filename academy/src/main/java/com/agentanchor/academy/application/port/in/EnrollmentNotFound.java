package com.agentanchor.academy.application.port.in;

/** No such enrollment, or none the caller may see. */
public class EnrollmentNotFound extends RuntimeException {

    public EnrollmentNotFound(String message) {
        super(message);
    }
}
