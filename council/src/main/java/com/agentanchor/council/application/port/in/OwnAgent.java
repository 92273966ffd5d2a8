package com.agentanchor.council.application.port.in;

/** Nobody judges their own agent. */
public class OwnAgent extends RuntimeException {

    public OwnAgent() {
        super("Validators do not vote on decisions about their own agents");
    }
}
