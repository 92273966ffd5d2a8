package com.agentanchor.council.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The request makes no sense for the agent as it is, e.g. reinstating an agent that is not suspended. */
public class RequestNotApplicable extends Refusal.Conflict {

    public RequestNotApplicable(String message) {
        super("Request not applicable", message);
    }
}
