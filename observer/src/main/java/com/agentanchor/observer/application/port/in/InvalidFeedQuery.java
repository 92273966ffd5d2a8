package com.agentanchor.observer.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** A feed parameter that cannot be read, such as a cursor this log never handed out. */
public class InvalidFeedQuery extends Refusal.Invalid {

    public InvalidFeedQuery(String parameter, String message) {
        super(parameter, message);
    }
}
