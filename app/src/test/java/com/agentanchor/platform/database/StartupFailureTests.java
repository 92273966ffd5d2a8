package com.agentanchor.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.agentanchor.AgentAnchorApplication;

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
                "--agentanchor.db.app-password=x", "--spring.datasource.hikari.connection-timeout=2000");
        var analysis = new DatabaseFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Could not connect to the database named by DATABASE_URL "
                + "(127.0.0.1:9/app)").doesNotContain("secret");
    }

    private static Throwable start(String... args) {
        return catchThrowable(() -> new SpringApplicationBuilder(AgentAnchorApplication.class)
                .properties("server.port=0").run(args).close());
    }
}
