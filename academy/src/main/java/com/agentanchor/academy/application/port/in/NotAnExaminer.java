package com.agentanchor.academy.application.port.in;

/** Only validators grade examinations, and never of their own agents. */
public class NotAnExaminer extends RuntimeException {

    public NotAnExaminer(String message) {
        super(message);
    }
}
