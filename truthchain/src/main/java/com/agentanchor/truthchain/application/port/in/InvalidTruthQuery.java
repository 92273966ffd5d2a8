package com.agentanchor.truthchain.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** A verification query that cannot be answered as asked; names the offending parameter. */
public class InvalidTruthQuery extends Refusal.Invalid {

    public InvalidTruthQuery(String parameter, String message) {
        super(parameter, message);
    }
}
