package com.agentanchor.council.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The decision cannot be overridden as it is: not decided yet, overridden already, or a suspension's. */
public class OverrideRefused extends Refusal.Conflict {

    public OverrideRefused(String message) {
        super("Override refused", message);
    }
}
