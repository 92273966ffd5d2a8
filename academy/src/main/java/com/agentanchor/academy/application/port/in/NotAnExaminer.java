package com.agentanchor.academy.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** Only credentialed examiners (validators) grade modules and examinations, and never of their own agents. */
public class NotAnExaminer extends Refusal.NotAllowed {

    public NotAnExaminer(String message) {
        super("Not an examiner", message);
    }
}
