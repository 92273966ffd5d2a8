package com.agentanchor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.IntegrationTest;

/**
 * The web app's pages call the API from the browser: their preflights are answered before authentication, and
 * answers carry the CORS headers that let the page read them; other origins' preflights are refused as problem
 * details, and their requests that need none are answered without those headers.
 */
@IntegrationTest
class BrowserOriginsTests {

    private static final String WEB_APP = "http://localhost:3000"; // the default AGENTANCHOR_WEB_ALLOWED_ORIGINS

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theWebAppsPreflightIsAnsweredWithoutAToken() throws Exception {
        var response = preflight(WEB_APP, "/api/agents", "POST", "authorization,content-type");

        assertThat(response.statusCode()).isEqualTo(200);
        var headers = response.headers();
        assertThat(headers.firstValue("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        assertThat(headers.firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST", "DELETE");
        assertThat(headers.firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization", "content-type");
        assertThat(headers.firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void theWebAppReadsAnswersAndTheirRequestIdEvenWhenRefused() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/agents")).header("Origin", WEB_APP).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("X-Request-Id", "Location");
    }

    @Test
    void anotherOriginsPreflightIsRefusedAsAProblem() throws Exception {
        var response = preflight("https://elsewhere.example", "/api/agents", "POST", "authorization");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    /**
     * What a browser sends without a preflight is served, without CORS headers, so a page of another origin cannot
     * read it; the app's own pages behind a TLS proxy (their origin https, the app's request http) keep working.
     */
    @Test
    void aRequestThatNeedsNoPreflightIsServedWithoutCorsHeaders() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/marketplace/listings"))
                .header("Origin", "https://app.behind-a-proxy.example").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anyPageMayReadTheTruthChainButNotWriteAnything() throws Exception {
        var read = send(HttpRequest.newBuilder(uri("/api/truth-chain/head")).header("Origin", "https://auditor.example")
                .GET());
        var write = preflight("https://auditor.example", "/api/truth-chain/head", "POST", "content-type");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(write.statusCode()).isEqualTo(403);
    }

    @Test
    void requestsWithoutAnOriginAreNotCrossOrigin() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/marketplace/listings")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin, String path, String method, String headers)
            throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Origin", origin)
                .header("Access-Control-Request-Method", method).header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
