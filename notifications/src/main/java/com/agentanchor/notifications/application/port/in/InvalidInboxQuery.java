package com.agentanchor.notifications.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** An inbox parameter that cannot be read, such as a cursor the inbox never handed out. */
public class InvalidInboxQuery extends Refusal.Invalid {

    public InvalidInboxQuery(String parameter, String message) {
        super(parameter, message);
    }
}
