package com.agentanchor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

/**
 * Tokens signed with the right key whose claims no caller should have: each is a 401 problem on public and private
 * endpoints alike, and nobody is provisioned from it. Before, they reached the database and failed there (500).
 */
@IntegrationTest
class CallerClaimsTests {

    @LocalServerPort
    int port;

    @Autowired
    LocalTokens tokens;

    @Autowired
    OwnerDatabase database;

    @ParameterizedTest
    @ValueSource(strings = { "no subject", "empty subject", "blank subject", "NUL in subject", "NUL in name",
            "NUL in email", "no expiry", "subject of 300 characters" })
    void aSignedTokenWithClaimsNobodyHasIsRefused(String flaw) {
        var marker = UUID.randomUUID().toString();
        var token = tokens.sign(claims(marker, flaw));
        var api = new Api(port);
        var before = database.query("SELECT count(*) FROM profiles", Long.class);

        for (var path : new String[] { "/api/profiles/me", "/api/truth-chain/head", "/api/marketplace/listings" }) {
            var response = api.get(path, token);
            assertThat(response.status()).as("%s: %s", flaw, path).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
        }
        assertThat(database.query("SELECT count(*) FROM profiles", Long.class)).isEqualTo(before);
    }

    private static JwtClaimsSet claims(String marker, String flaw) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder().issuer(LocalTokens.ISSUER).issuedAt(now).expiresAt(now.plusSeconds(600))
                .subject("user-" + marker).claim("email", marker + "@example.test").claim("name", "Name");
        Consumer<JwtClaimsSet.Builder> flawed = switch (flaw) {
            case "no subject" -> c -> c.claims(all -> all.remove("sub"));
            case "empty subject" -> c -> c.subject("");
            case "blank subject" -> c -> c.subject("   ");
            case "NUL in subject" -> c -> c.subject("user\u0000" + marker);
            case "NUL in name" -> c -> c.claim("name", "Na\u0000me");
            case "NUL in email" -> c -> c.claim("email", marker + "\u0000@example.test");
            case "no expiry" -> c -> c.claims(all -> all.remove("exp"));
            case "subject of 300 characters" -> c -> c.subject("s".repeat(300));
            default -> throw new IllegalArgumentException(flaw);
        };
        flawed.accept(claims);
        return claims.build();
    }
}
