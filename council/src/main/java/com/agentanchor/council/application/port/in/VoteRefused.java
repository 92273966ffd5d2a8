package com.agentanchor.council.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** The vote conflicts with the decision's state: it is decided already, or this validator has voted. */
public class VoteRefused extends Refusal.Conflict {

    public VoteRefused(String message) {
        super("Vote refused", message);
    }
}
