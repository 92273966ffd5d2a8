package com.agentanchor.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;


import com.agentanchor.platform.security.Admins;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running app: real requests through the real filter chain. */
public final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A token from the app's own {@code POST /dev/token}, signed by its local key. */
    public String token(String subject) {
        return token(subject, subject + "@example.test", "User " + subject);
    }

    public String token(String subject, String email, String name) {
        var response = post("/dev/token", null, Map.of("sub", subject, "email", email, "name", name));
        if (response.status() != 200) {
            throw new IllegalStateException("no token: " + response);
        }
        return response.body().get("access_token").asString();
    }

    /**
     * A token of a trainer whom the development admin has seated on the council: a validator. Choosing the role
     * trainer alone would not make them one.
     */
    public String trainer(String subject) {
        var token = token(subject);
        patch("/api/profiles/me", token, Map.of("role", "trainer"));
        var profile = profileId(token);
        var seated = post("/api/council/validators", token(Admins.DEV_ADMIN), Map.of("profileId", profile));
        if (seated.status() != 201) {
            throw new IllegalStateException("not seated on the council: " + seated);
        }
        return token;
    }

    /** The id of the profile behind {@code token} (provisioned on its first call). */
    public String profileId(String token) {
        return get("/api/profiles/me", token).body().get("id").asString();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).POST(body(body)).header("Content-Type", "application/json"));
    }

    public Response patch(String path, String token, Object body) {
        return send(request(path, token).method("PATCH", body(body)).header("Content-Type", "application/json"));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    private HttpRequest.BodyPublisher body(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : json.writeValueAsString(body));
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var body = response.body().isEmpty() ? null : json.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("Location"), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, Optional<String> contentType, Optional<String> location, JsonNode body) {

        public boolean isProblem() {
            return contentType.filter(c -> c.startsWith("application/problem+json")).isPresent();
        }
    }
}
