package com.agentanchor.council.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The admin may not sign this request off: it is about their own agent, or they voted on it. */
public class SignOffRefused extends Refusal.NotAllowed {

    public SignOffRefused(String message) {
        super("Sign-off refused", message);
    }
}
