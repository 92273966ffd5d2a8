package com.agentanchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.IntegrationTest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.json.JsonMapper;

/** What operators and API users find without reading the code: health, metrics, request ids, API docs. */
@IntegrationTest
class OperationsTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    /** Blackbird is on the classpath only: Spring Boot registers it, and a page of agents is serialized through it. */
    @Test
    void theApplicationsJsonMapperCarriesBlackbird(@Autowired JsonMapper applications) {
        assertThat(applications.registeredModules()).extracting(module -> module.getClass().getSimpleName())
                .contains("BlackbirdModule");
    }

    /** Instants are written by the cheaper serializer of the same shape, not the JDK's formatter. */
    @Test
    void theApplicationsJsonMapperWritesInstantsWithoutTheGeneralFormatter(@Autowired JsonMapper applications) {
        assertThat(applications._serializationContext().findValueSerializer(Instant.class).getClass().getSimpleName())
                .isEqualTo("IsoInstantSerializer");
    }

    @Test
    void healthShowsTheDatabaseAndRealtimeAndProbesAnswer() throws Exception {
        var health = json.readTree(get("/actuator/health", null).body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("realtime").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(json.readTree(get("/actuator/health/readiness", null).body()).get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusExposesRequestsPoolPublicationsRealtimeDeliveriesAndTruthChainAppends() throws Exception {
        var api = new Api(port);
        api.post("/api/agents", api.token("metrics-" + UUID.randomUUID()), Map.of("name", "Measured"));
        // The realtime listeners and the chain run after commit, on their own threads.
        var deadline = Instant.now().plusSeconds(10);
        var metrics = get("/actuator/prometheus", null).body();
        while (!metrics.contains("agentanchor_realtime_deliveries_seconds_count") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            metrics = get("/actuator/prometheus", null).body();
        }
        assertThat(metrics).contains("http_server_requests_seconds_count", "hikaricp_connections_active",
                "agentanchor_events_publications_incomplete", "agentanchor_realtime_deliveries_seconds_count",
                "agentanchor_truthchain_appends_total");
    }

    /**
     * A refused token is counted by its kind; a request's authentication is not timed apart from the request (no
     * observation per authentication: issue 13).
     */
    @Test
    void refusedTokensAreCountedAndAuthenticationsNotTimedApart() throws Exception {
        var refused = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agents"))
                .header("Authorization", "Bearer not.a.jwt").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        var metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("agentanchor_authentication_failures_total{application=\"agentanchor\","
                + "reason=\"InvalidBearerTokenException\"}").doesNotContain("spring_security_authentications");
    }

    @Test
    void everyResponseCarriesARequestIdAndAPlainOneIsKept() throws Exception {
        var generated = get("/actuator/health", null).headers().firstValue("X-Request-Id");
        assertThat(generated).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(get("/actuator/health", "trace-42").headers().firstValue("X-Request-Id")).hasValue("trace-42");
        assertThat(get("/actuator/health", "not a plain id!").headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).isNotEqualTo("not a plain id!"));
    }

    @Test
    void eachRequestIsOneLogLineButAHealthyProbeIsNone() throws Exception {
        // Read from the request log's own logger, at its configured level: other apps this JVM starts and stops
        // (the database commands, a production-like start) reconfigure logging for every context in it.
        var requests = (Logger) LoggerFactory.getLogger("com.agentanchor.requests");
        var level = requests.getLevel();
        requests.setLevel(Level.INFO);
        var lines = new ListAppender<ILoggingEvent>();
        lines.start();
        requests.addAppender(lines);
        try {
            var probe = get("/actuator/health/liveness", "probe-" + UUID.randomUUID()).headers()
                    .firstValue("X-Request-Id").orElseThrow();
            var refused = get("/api/agents", "refused-" + UUID.randomUUID()).headers().firstValue("X-Request-Id")
                    .orElseThrow();

            // Written once the answer has gone out, so possibly a moment after the client has it.
            Eventually.await(() -> loggedFor(lines, refused).isPresent());
            assertThat(loggedFor(lines, refused)).hasValueSatisfying(
                    line -> assertThat(line).startsWith("GET /api/agents 401 "));
            assertThat(loggedFor(lines, probe)).isEmpty();
        } finally {
            requests.detachAppender(lines);
            requests.setLevel(level);
        }
    }

    private static Optional<String> loggedFor(ListAppender<ILoggingEvent> lines, String requestId) {
        synchronized (lines.list) {
            return lines.list.stream().filter(e -> requestId.equals(e.getMDCPropertyMap().get("requestId")))
                    .map(ILoggingEvent::getFormattedMessage).findFirst();
        }
    }

    @Test
    void theApiIsDocumentedWithBearerAuthAndSwaggerUi() throws Exception {
        var docs = json.readTree(get("/v3/api-docs", null).body());
        assertThat(docs.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.get("paths").propertyNames()).contains("/api/agents", "/api/agents/{id}",
                "/api/profiles/me", "/dev/token", "/api/realtime/auth", "/api/realtime/config");
        assertThat(docs.get("paths").get("/api/agents").get("post").get("responses").propertyNames())
                .contains("201", "400", "401");
        assertThat(docs.get("paths").get("/api/council/decisions/{id}/votes").get("post").get("responses")
                .propertyNames()).contains("200", "400", "401", "403", "404", "409");
        assertThat(docs.get("paths").get("/api/academy/enrollments/{id}/grades").get("post").get("responses")
                .propertyNames()).contains("200", "403", "404", "409");
        assertThat(docs.get("paths").get("/api/academy/enrollments/{id}/modules/{moduleId}/results").get("post")
                .get("responses").propertyNames()).contains("200", "400", "403", "404", "409");
        assertThat(docs.get("paths").get("/api/academy/enrollments/{id}/withdraw").get("post").get("summary")
                .asString()).isEqualTo("Withdraw your agent's enrollment");
        assertThat(docs.get("paths").get("/api/profiles/{id}").get("get").get("responses").propertyNames())
                .contains("200", "404");
        assertThat(docs.get("paths").get("/api/council/decisions/{id}/override").get("post").get("responses")
                .propertyNames()).contains("200", "400", "403", "404", "409");
        assertThat(docs.get("paths").get("/api/marketplace/listings/{id}/acquisitions").get("post").get("responses")
                .propertyNames()).contains("201", "401", "404", "409");
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
