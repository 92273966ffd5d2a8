package com.agentanchor.marketplace.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The acquisition is not in a state for this: ended already, a clone, reviewed already. */
public class NotChangeable extends Refusal.Conflict {

    public NotChangeable(String message) {
        super("Acquisition not changeable", message);
    }
}
