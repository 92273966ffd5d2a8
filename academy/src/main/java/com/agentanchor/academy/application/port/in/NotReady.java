package com.agentanchor.academy.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The agent or enrollment is not at the step this needs. */
public class NotReady extends Refusal.Conflict {

    public NotReady(String message) {
        super("Not ready", message);
    }
}
