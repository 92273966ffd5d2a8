package com.agentanchor.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

    @Test
    void convertsNeonsPooledUrlToJdbcWithCredentialsApart() {
        var url = DatabaseUrl.parse("DATABASE_URL", "postgresql://neondb_owner:p%40ss@ep-cool-1-pooler.eu-central-1"
                + ".aws.neon.tech/neondb?sslmode=require&channel_binding=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://ep-cool-1-pooler.eu-central-1.aws.neon.tech/neondb"
                + "?sslmode=require&channelBinding=require&prepareThreshold=0");
        assertThat(url.user()).isEqualTo("neondb_owner");
        assertThat(url.password()).isEqualTo("p@ss");
    }

    @Test
    void keepsPortsAndAcceptsThePostgresScheme() {
        var url = DatabaseUrl.parse("DATABASE_URL", "postgres://me@db.example.test:6543/app");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.test:6543/app");
        assertThat(url.user()).isEqualTo("me");
        assertThat(url.password()).isNull();
        assertThat(url.location()).isEqualTo("db.example.test:6543/app");
    }

    @Test
    void takesJdbcUrlsAsTheyAreButLiftsCredentialsOut() {
        var url = DatabaseUrl.parse("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=pw&ssl=false");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?ssl=false");
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void rejectsWhatIsNotPostgresInOneSentenceWithoutEchoingSecrets() {
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL", "mysql://root:hunter2@db/app"))
                .isInstanceOf(InvalidDatabaseUrl.class)
                .hasMessage("DATABASE_URL is not a usable PostgreSQL URL: it must start with postgresql://, "
                        + "postgres:// or jdbc:postgresql:.");
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL", "postgresql://u:hunter2 with space@db/app"))
                .isInstanceOf(InvalidDatabaseUrl.class)
                .message().doesNotContain("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL_UNPOOLED", "postgresql:///nohost"))
                .hasMessageStartingWith("DATABASE_URL_UNPOOLED is not a usable PostgreSQL URL");
    }
}
