package com.agentanchor.truthchain.application.port.in;

/** No record has this sequence. */
public class TruthRecordNotFound extends RuntimeException {

    public TruthRecordNotFound(long sequence) {
        super("No truth record " + sequence);
    }
}
