package com.agentanchor.observer.adapter.in.web;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.agents.application.port.in.CallingAgent;
import com.agentanchor.observer.application.port.in.EventReporting;
import com.agentanchor.observer.application.port.in.ReportedEvent;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OTLP/HTTP traces, as an OpenTelemetry SDK exports them ({@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} = this URL,
 * {@code OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer aak_…}): binary protobuf or JSON, optionally gzipped,
 * answered in kind with OTLP's own response, its partial success counting the spans not recorded.
 */
@RestController
class OtlpTracesController {

    static final MediaType PROTOBUF = MediaType.parseMediaType("application/x-protobuf");
    private static final int MAX_UNZIPPED = 32 * 1024 * 1024;
    private static final Set<String> HEX_IDS = Set.of("traceId", "spanId", "parentSpanId");

    private final EventReporting reporting;
    private final JsonMapper json;

    OtlpTracesController(EventReporting reporting, JsonMapper json) {
        this.reporting = reporting;
        this.json = json;
    }

    @PostMapping(path = "/v1/traces", consumes = { "application/x-protobuf", "application/json" })
    @Operation(summary = "OTLP/HTTP trace export (agents only)", description = "GenAI spans (gen_ai.operation.name) "
            + "become the agent's reports: invoke_agent an agent action, execute_tool a tool call, chat a model "
            + "call; error status an error and a failure. Other spans are rejected and counted in partialSuccess.")
    ResponseEntity<byte[]> export(CallingAgent agent, @RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String encoding) {
        var asJson = MediaType.APPLICATION_JSON.isCompatibleWith(contentType);
        var request = parse(unzipped(body, encoding), asJson);
        var events = new ArrayList<ReportedEvent>();
        int notGenAi = 0;
        for (var resource : request.getResourceSpansList()) {
            for (var scope : resource.getScopeSpansList()) {
                for (var span : scope.getSpansList()) {
                    var event = GenAiSpans.report(span);
                    if (event == null) {
                        notGenAi++;
                    } else {
                        events.add(event);
                    }
                }
            }
        }
        if (events.size() > EventReporting.MAX_BATCH) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "Export at most " + EventReporting.MAX_BATCH
                    + " GenAI spans at once (OTEL_BSP_MAX_EXPORT_BATCH_SIZE), not " + events.size());
        }
        var receipt = reporting.reportEach(agent, events);
        var response = ExportTraceServiceResponse.newBuilder();
        var rejected = notGenAi + receipt.rejected();
        if (rejected > 0) {
            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(rejected)
                    .setErrorMessage(receipt.firstRejection() != null ? receipt.firstRejection()
                            : "spans without " + GenAiSpans.OPERATION + " are not recorded"));
        }
        return asJson ? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(print(response.build()))
                : ResponseEntity.ok().contentType(PROTOBUF).body(response.build().toByteArray());
    }

    private ExportTraceServiceRequest parse(byte[] body, boolean asJson) {
        try {
            if (!asJson) {
                return ExportTraceServiceRequest.parseFrom(body);
            }
            var builder = ExportTraceServiceRequest.newBuilder();
            JsonFormat.parser().ignoringUnknownFields().merge(withBase64Ids(body), builder);
            return builder.build();
        } catch (JacksonException e) { // its message without the parser's location
            throw problem(HttpStatus.BAD_REQUEST, "Not an OTLP ExportTraceServiceRequest: " + e.getOriginalMessage());
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Not an OTLP ExportTraceServiceRequest: " + e.getMessage());
        }
    }

    /**
     * OTLP/JSON writes trace and span ids in hex where protobuf's JSON mapping expects base64: translated before
     * the OpenTelemetry classes read it.
     */
    private String withBase64Ids(byte[] body) {
        var tree = json.readTree(body);
        hexToBase64(tree);
        return json.writeValueAsString(tree);
    }

    private static void hexToBase64(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (var name : new ArrayList<>(object.propertyNames())) {
                var value = object.get(name);
                if (HEX_IDS.contains(name) && value.isString()) {
                    object.put(name, Base64.getEncoder().encodeToString(HexFormat.of().parseHex(value.stringValue())));
                } else {
                    hexToBase64(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(OtlpTracesController::hexToBase64);
        }
    }

    private static byte[] print(ExportTraceServiceResponse response) {
        try {
            return JsonFormat.printer().print(response).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an OTLP response always prints", e);
        }
    }

    private static byte[] unzipped(byte[] body, String encoding) {
        if (encoding == null || encoding.equalsIgnoreCase("identity")) {
            return body;
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding gzip or none, not " + encoding);
        }
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            var unzipped = in.readNBytes(MAX_UNZIPPED + 1); // a small gzip can unpack to a great deal
            if (unzipped.length > MAX_UNZIPPED) {
                throw problem(HttpStatus.CONTENT_TOO_LARGE, "More than " + MAX_UNZIPPED + " bytes unzipped");
            }
            return unzipped;
        } catch (EOFException e) { // its message is empty
            throw problem(HttpStatus.BAD_REQUEST, "The body is not gzip: it ends too soon");
        } catch (IOException e) {
            throw problem(HttpStatus.BAD_REQUEST, "The body is not gzip: " + e.getMessage());
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        return new ErrorResponseException(status, problem, null);
    }
}
