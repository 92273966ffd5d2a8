package com.agentanchor.council.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** An authorization request missing its action or with a risk level outside 0 to 4. */
public class InvalidAuthorizationRequest extends Refusal.Invalid {

    public InvalidAuthorizationRequest(String field, String message) {
        super(field, message);
    }
}
