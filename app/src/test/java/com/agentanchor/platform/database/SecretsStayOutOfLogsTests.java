package com.agentanchor.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.agentanchor.AgentAnchorApplication;

/**
 * Starts the app the way production does (a database URL with the owner's password, the app role's password, an
 * HS256 secret), serves a good and a bad token, and reads everything it logged: no secret appears.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTests {

    @Test
    void noPasswordSecretOrTokenIsLogged(CapturedOutput output) throws Exception {
        // On an external database this would change the shared app role's password under the other tests.
        assumeTrue(System.getenv("DATABASE_URL") == null && System.getenv("SPRING_DATASOURCE_URL") == null);
        var location = EmbeddedDatabase.start(null).location();
        var ownerPassword = "owner-pw-" + UUID.randomUUID();
        var appPassword = "app-pw-" + UUID.randomUUID();
        var jwtSecret = "jwt-secret-" + UUID.randomUUID();
        var token = hs256(jwtSecret);

        try (var app = new SpringApplicationBuilder(AgentAnchorApplication.class).run(
                "--server.port=0", "--agentanchor.realtime.local-ws-port=0",
                "--DATABASE_URL=postgresql://postgres:" + ownerPassword + "@" + location,
                "--agentanchor.db.app-password=" + appPassword,
                "--agentanchor.auth.hs256-secret=" + jwtSecret,
                "--logging.level.com.agentanchor=DEBUG")) {
            var port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var http = HttpClient.newHttpClient();
            var ok = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/profiles/me"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            var tampered = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/profiles/me"))
                    .header("Authorization", "Bearer " + token + "x").build(), HttpResponse.BodyHandlers.ofString());
            var devToken = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"x\"}")).header("Content-Type",
                            "application/json").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(tampered.statusCode()).isEqualTo(401);
            assertThat(devToken.statusCode()).as("no dev tokens once a secret is configured").isIn(401, 404);
        }
        assertThat(output.getAll()).contains("GET /api/profiles/me 200").contains("GET /api/profiles/me 401")
                .doesNotContain(ownerPassword).doesNotContain(appPassword).doesNotContain(jwtSecret)
                .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    private static String hs256(String secret) throws Exception {
        var claims = new JWTClaimsSet.Builder().subject("supabase-user-" + UUID.randomUUID())
                .claim("email", UUID.randomUUID() + "@example.test").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes()));
        return jwt.serialize();
    }
}
