package com.agentanchor.academy.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The enrollment's curriculum has no module of that number. */
public class NoSuchModule extends Refusal.NotFound {

    public NoSuchModule(String message) {
        super("Module not found", message);
    }
}
