package com.agentanchor.truthchain.application.port.in;

/** A verification query that cannot be answered as asked; names the offending parameter. */
public class InvalidTruthQuery extends RuntimeException {

    private final String parameter;

    public InvalidTruthQuery(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
