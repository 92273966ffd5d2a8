package com.agentanchor.observer.adapter.in.web;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.agentanchor.observer.application.port.in.ReportedEvent;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * OpenTelemetry GenAI spans as an agent's reports (semantic conventions: {@code gen_ai.operation.name} names the
 * work). {@code invoke_agent} is an agent action, {@code execute_tool} a tool call named by {@code gen_ai.tool.name},
 * {@code chat} (and the other model operations) a model call; an error status makes it an error and a failure,
 * anything else a success. The span's trace and span ids make its idempotency key, so a retried export writes
 * nothing twice. Spans without {@code gen_ai.operation.name} are not the agent's work as the conventions name it:
 * they are rejected, and counted as such in the answer.
 */
final class GenAiSpans {

    static final String OPERATION = "gen_ai.operation.name";
    private static final HexFormat HEX = HexFormat.of();

    private GenAiSpans() {
    }

    /** The span as a report, or null when it is not a GenAI span. */
    static ReportedEvent report(Span span) {
        var attributes = attributes(span.getAttributesList());
        var operation = attributes.get(OPERATION);
        if (!(operation instanceof String op) || op.isBlank()) {
            return null;
        }
        var failed = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
        var tool = attributes.get("gen_ai.tool.name");
        var eventType = switch (op) {
            case "invoke_agent", "create_agent" -> "agent." + op;
            case "execute_tool" -> "tool.call";
            default -> "model." + op;
        };
        var title = op.equals("execute_tool") && tool != null ? "Tool " + tool
                : span.getName().isBlank() ? op : span.getName();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("traceId", HEX.formatHex(span.getTraceId().toByteArray()));
        payload.put("spanId", HEX.formatHex(span.getSpanId().toByteArray()));
        if (!span.getParentSpanId().isEmpty()) {
            payload.put("parentSpanId", HEX.formatHex(span.getParentSpanId().toByteArray()));
        }
        payload.put("kind", span.getKind().name());
        if (span.getEndTimeUnixNano() >= span.getStartTimeUnixNano() && span.getStartTimeUnixNano() > 0) {
            payload.put("durationMs", (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1_000_000.0);
        }
        payload.put("attributes", attributes);
        return new ReportedEvent(eventType, failed ? "error" : "info", title,
                span.getStatus().getMessage().isEmpty() ? null : span.getStatus().getMessage(), payload,
                failed ? "failure" : "success",
                span.getStartTimeUnixNano() > 0 ? instant(span.getStartTimeUnixNano()).toString() : null,
                "otel:" + payload.get("traceId") + ":" + payload.get("spanId"));
    }

    private static Instant instant(long unixNanos) {
        return Instant.ofEpochSecond(unixNanos / 1_000_000_000L, unixNanos % 1_000_000_000L);
    }

    private static Map<String, Object> attributes(List<KeyValue> keyValues) {
        var map = new LinkedHashMap<String, Object>();
        keyValues.forEach(kv -> map.put(kv.getKey(), value(kv.getValue())));
        return map;
    }

    /** Attribute values as JSON: numbers that JSON cannot hold exactly (doubles aside) become strings. */
    private static Object value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> v.getBoolValue();
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> Double.isFinite(v.getDoubleValue()) ? v.getDoubleValue()
                    : Double.toString(v.getDoubleValue());
            case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(GenAiSpans::value).toList();
            case KVLIST_VALUE -> attributes(v.getKvlistValue().getValuesList());
            case BYTES_VALUE -> HEX.formatHex(v.getBytesValue().toByteArray());
            default -> null;
        };
    }
}
