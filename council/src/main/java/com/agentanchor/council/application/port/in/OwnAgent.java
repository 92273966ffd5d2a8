package com.agentanchor.council.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** Nobody judges their own agent. */
public class OwnAgent extends Refusal.NotAllowed {

    public OwnAgent() {
        super("Own agent", "Validators do not vote on decisions about their own agents");
    }
}
