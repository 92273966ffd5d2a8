package com.agentanchor.marketplace.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The listing cannot be acquired by this caller: their own agent, an agent no longer active, or one they hold already. */
public class NotAcquirable extends Refusal.Conflict {

    public NotAcquirable(String message) {
        super("Not acquirable", message);
    }
}
