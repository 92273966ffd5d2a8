package com.agentanchor.profiles.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** No such profile (or, when dismissing, no such validator). */
public class ProfileNotFound extends Refusal.NotFound {

    public ProfileNotFound(String detail) {
        super("Not found", detail);
    }
}
