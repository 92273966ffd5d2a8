package com.agentanchor.observer.application.port.in;

/** Reports written, repeated (by idempotency key) and rejected, with why the first rejected one was. */
public record PartialReceipt(int accepted, int duplicates, int rejected, String firstRejection) {
}
