package com.agentanchor.observer;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.google.protobuf.ByteString;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/** An OpenTelemetry exporter's requests, built with the OpenTelemetry project's classes, as an SDK sends them. */
@IntegrationTest
class OtlpTracesTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    final HttpClient http = HttpClient.newHttpClient();
    String agent;
    String key;

    @BeforeEach
    void anAgentWithAKey() {
        var api = new Api(port);
        var owner = api.token(unique("owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Traced")).body().get("id").asString();
        key = api.post("/api/agents/" + agent + "/keys", owner, Map.of("name", "otel")).body().get("key").asString();
    }

    @Test
    void genAiSpansBecomeTheAgentsReportsOnceAndOtherSpansAreCountedAsRejected() throws Exception {
        var trace = randomBytes(16);
        var request = request(span(trace, "invoke_agent planner", "invoke_agent", null, false),
                span(trace, "search", "execute_tool", "web_search", true),
                span(trace, "GET /health", null, null, false));

        var response = post(request.toByteArray(), "application/x-protobuf", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/x-protobuf"));
        var answer = ExportTraceServiceResponse.parseFrom(response.body());
        assertThat(answer.getPartialSuccess().getRejectedSpans()).isEqualTo(1);

        var rows = database.rows("SELECT event_type, severity::text, title, outcome, payload->>'traceId' AS trace "
                + "FROM observer_events WHERE subject_id = ?::uuid AND actor_type = 'agent' ORDER BY sequence", agent);
        assertThat(rows).extracting(r -> r.get("event_type") + " " + r.get("severity") + " " + r.get("outcome"))
                .containsExactly("agent.invoke_agent info success", "tool.call error failure");
        assertThat(rows.get(1).get("title")).isEqualTo("Tool web_search");
        assertThat(rows.get(0).get("trace")).isEqualTo(HexFormat.of().formatHex(trace));

        post(request.toByteArray(), "application/x-protobuf", null);
        assertThat(count()).as("a retried export writes nothing twice").isEqualTo(2);
    }

    @Test
    void otlpJsonWithHexIdsAndGzipAreReadToo() throws Exception {
        var trace = HexFormat.of().formatHex(randomBytes(16));
        var span = HexFormat.of().formatHex(randomBytes(8));
        var json = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"bot"}}]},
                  "scopeSpans":[{"scope":{"name":"openai-agents"},"spans":[{
                    "traceId":"%s","spanId":"%s","name":"chat gpt-4o","kind":3,
                    "startTimeUnixNano":"1767225600000000000","endTimeUnixNano":"1767225601500000000",
                    "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
                                  {"key":"gen_ai.usage.input_tokens","value":{"intValue":"120"}}],
                    "status":{}}]}]}]}""".formatted(trace, span);

        var response = post(gzip(json.getBytes()), "application/json", "gzip");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).isEqualTo("{\n}");
        assertThat(database.query("SELECT payload->>'spanId' FROM observer_events WHERE subject_id = ?::uuid AND "
                + "actor_type = 'agent'", String.class, agent)).isEqualTo(span);
        assertThat(database.query("SELECT payload->'attributes'->>'gen_ai.usage.input_tokens' FROM observer_events "
                + "WHERE subject_id = ?::uuid AND actor_type = 'agent'", String.class, agent)).isEqualTo("120");
    }

    @Test
    void aSpanCarryingTextNoColumnCanHoldIsRejectedAloneAndNamedInTheAnswer() throws Exception {
        var trace = randomBytes(16);
        var withNulAttribute = span(trace, "plan", "invoke_agent", null, false).toBuilder()
                .addAttributes(attribute("user.query", "a\u0000b")).build();
        var request = request(span(trace, "search", "execute_tool", "web\u0000search", false), withNulAttribute,
                span(trace, "fine", "invoke_agent", null, false));

        var response = post(request.toByteArray(), "application/x-protobuf", null);
        assertThat(response.statusCode()).isEqualTo(200);
        var answer = ExportTraceServiceResponse.parseFrom(response.body());
        assertThat(answer.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
        assertThat(answer.getPartialSuccess().getErrorMessage())
                .isEqualTo("title: must not contain a NUL character (\\u0000)");
        assertThat(database.query("SELECT title FROM observer_events WHERE subject_id = ?::uuid AND actor_type = "
                + "'agent'", String.class, agent)).isEqualTo("fine");

        var json = """
                {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"%s","spanId":"%s","name":"half \\ud800",
                  "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}}]}]}]}]}""".formatted(
                HexFormat.of().formatHex(trace), HexFormat.of().formatHex(randomBytes(8)));
        var unpaired = post(json.getBytes(), "application/json", null);
        assertThat(unpaired.statusCode()).isEqualTo(200);
        assertThat(new String(unpaired.body())).contains("\"rejectedSpans\": \"1\"")
                .contains("title: must not contain an unpaired surrogate (\\\\ud800)");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void whatIsNotOtlpIsRefusedAndNothingIsWritten() throws Exception {
        assertThat(post(new byte[] { 1, 2, 3 }, "application/x-protobuf", null).statusCode()).isEqualTo(400);
        assertThat(post("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"zz\"}]}]}]}".getBytes(),
                "application/json", null).statusCode()).isEqualTo(400);
        assertThat(post("[]".getBytes(), "application/json", "br").statusCode()).isEqualTo(415);
        var twice = post("{\"resourceSpans\": [], \"resourceSpans\": []}".getBytes(), "application/json", null);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(new String(twice.body())).contains("Duplicate Object property \\\"resourceSpans\\\"\"")
                .doesNotContain("REDACTED");
        var truncated = post(Arrays.copyOf(gzip("{}".getBytes()), 12), "application/json", "gzip");
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(new String(truncated.body())).contains("The body is not gzip: it ends too soon");
        var unauthenticated = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(count()).isZero();
    }

    private HttpResponse<byte[]> post(byte[] body, String contentType, String encoding) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/traces"))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private long count() {
        return database.query("SELECT count(*) FROM observer_events WHERE subject_id = ?::uuid AND actor_type = "
                + "'agent'", Long.class, agent);
    }

    private static ExportTraceServiceRequest request(Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(java.util.List.of(spans)))).build();
    }

    private static Span span(byte[] trace, String name, String operation, String tool, boolean failed) {
        var now = System.currentTimeMillis() * 1_000_000L;
        var span = Span.newBuilder().setTraceId(ByteString.copyFrom(trace))
                .setSpanId(ByteString.copyFrom(randomBytes(8))).setName(name).setStartTimeUnixNano(now)
                .setEndTimeUnixNano(now + 2_000_000L);
        if (operation != null) {
            span.addAttributes(attribute("gen_ai.operation.name", operation));
        }
        if (tool != null) {
            span.addAttributes(attribute("gen_ai.tool.name", tool));
        }
        if (failed) {
            span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("timed out"));
        }
        return span.build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static byte[] randomBytes(int n) {
        var uuid = UUID.randomUUID();
        var bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return java.util.Arrays.copyOf(bytes, n);
    }

    private static byte[] gzip(byte[] plain) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }
}
