package com.agentanchor.profiles.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** A new subject's token carries no email, and a profile cannot exist without one. */
public class MissingEmail extends Refusal.NotAllowed {

    public MissingEmail() {
        super("No email in token", "The token has no email claim; a profile needs one");
    }
}
