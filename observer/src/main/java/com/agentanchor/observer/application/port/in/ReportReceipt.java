package com.agentanchor.observer.application.port.in;

/** How many reports were written, and how many were repeats of ones written before (by idempotency key). */
public record ReportReceipt(int accepted, int duplicates) {
}
