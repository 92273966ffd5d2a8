package com.agentanchor.observer.application.port.in;

import com.agentanchor.platform.refusal.Refusal;

/** A report that breaks a rule; in a batch, {@code field} is {@code events[index].field}. Nothing was written. */
public class InvalidReport extends Refusal.Invalid {

    public InvalidReport(String field, String message) {
        super(field, message);
    }
}
