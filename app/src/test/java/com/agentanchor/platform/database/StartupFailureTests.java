package com.agentanchor.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.agentanchor.AgentAnchorApplication;
import com.agentanchor.platform.security.AuthFailureAnalyzer;

/** A wrong database setting stops start-up with one sentence naming the variable. */
class StartupFailureTests {

    @Test
    void aMalformedDatabaseUrlIsNamed() {
        var failure = start("--DATABASE_URL=mysql://root:hunter2@db/app");
        var analysis = new DatabaseFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).startsWith("DATABASE_URL is not a usable PostgreSQL URL")
                .doesNotContain("hunter2");
        assertThat(analysis.getAction()).contains("Fix DATABASE_URL");
    }

    @Test
    void anExternalDatabaseNeedsTheAppRolePassword() {
        var failure = start("--DATABASE_URL=postgresql://owner:secret@db.example.test/app");
        assertThat(new DatabaseFailureAnalyzer().analyze(failure).getDescription())
                .contains("AGENTANCHOR_DB_APP_PASSWORD");
    }

    @Test
    void anUnreachableDatabaseIsNamed() {
        var failure = start("--DATABASE_URL=postgresql://owner:secret@127.0.0.1:9/app?connectTimeout=2",
                "--agentanchor.db.app-password=x", "--spring.datasource.hikari.connection-timeout=2000",
                "--agentanchor.auth.dev-tokens=true");
        var analysis = new DatabaseFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Could not connect to the database named by DATABASE_URL "
                + "(127.0.0.1:9/app)").doesNotContain("secret");
    }

    @Test
    void anExternalDatabaseWithNoWayToVerifyTokensDoesNotStart() {
        var failure = start("--DATABASE_URL=postgresql://owner:secret@db.example.test/app",
                "--agentanchor.db.app-password=x");
        var analysis = new AuthFailureAnalyzer().analyze(failure);

        assertThat(analysis).as("refused before connecting: %s", failure).isNotNull();
        assertThat(analysis.getDescription()).contains("AGENTANCHOR_AUTH_ISSUER_URI", "AGENTANCHOR_AUTH_JWK_SET_URI",
                "AGENTANCHOR_AUTH_HS256_SECRET", "AGENTANCHOR_AUTH_DEV_TOKENS").doesNotContain("secret@");
    }

    @Test
    void developmentTokensOnAnExternalDatabaseAreAnExplicitChoice() {
        var failure = start("--DATABASE_URL=postgresql://owner:secret@127.0.0.1:9/app?connectTimeout=2",
                "--agentanchor.db.app-password=x", "--agentanchor.auth.dev-tokens=true",
                "--spring.datasource.hikari.connection-timeout=2000");

        assertThat(new AuthFailureAnalyzer().analyze(failure)).as("past the token check").isNull();
        assertThat(new DatabaseFailureAnalyzer().analyze(failure).getDescription())
                .startsWith("Could not connect to the database");
    }

    @Test
    void aShortSharedSecretDoesNotStart() {
        var failure = start("--agentanchor.auth.hs256-secret=only-twenty-one-bytes");
        var analysis = new AuthFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("AGENTANCHOR_AUTH_HS256_SECRET", "32 bytes")
                .doesNotContain("only-twenty-one-bytes");
    }

    private static Throwable start(String... args) {
        return catchThrowable(() -> new SpringApplicationBuilder(AgentAnchorApplication.class)
                .properties("server.port=0").run(args).close());
    }
}
