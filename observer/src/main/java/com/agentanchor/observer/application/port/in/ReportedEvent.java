package com.agentanchor.observer.application.port.in;

import java.util.Map;

/**
 * A report as the agent sent it: {@code severity} debug, info (the default), warning, error or critical;
 * {@code outcome} success or failure, if the action had one; {@code occurredAt} an ISO-8601 instant by the agent's
 * clock; {@code idempotencyKey} its own id for the report, to make a retry harmless.
 */
public record ReportedEvent(String eventType, String severity, String title, String description,
        Map<String, Object> payload, String outcome, String occurredAt, String idempotencyKey) {
}
