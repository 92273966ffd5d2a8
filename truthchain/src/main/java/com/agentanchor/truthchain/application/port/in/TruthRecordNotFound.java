package com.agentanchor.truthchain.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** No record has this sequence. */
public class TruthRecordNotFound extends Refusal.NotFound {

    public TruthRecordNotFound(long sequence) {
        super("Truth record not found", "No truth record " + sequence);
    }
}
