package com.agentanchor.platform.database;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Chooses the database before any bean exists, in this order: {@code SPRING_DATASOURCE_URL} (with
 * {@code SPRING_DATASOURCE_USERNAME/PASSWORD}), {@code DATABASE_URL} ({@code DATABASE_URL_UNPOOLED} when only that
 * one is set), else an embedded PostgreSQL. The credentials that come with the URL are the owner's: Liquibase
 * migrates with them (through {@code DATABASE_URL_UNPOOLED} when set). The app's pool always logs in as
 * {@code agentanchor_app} with {@code AGENTANCHOR_DB_APP_PASSWORD}, a role the migration creates; there is no
 * fallback to the owner.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String APP_ROLE = "agentanchor_app";
    /** Whether the app runs on its own embedded PostgreSQL: a development machine, not a deployment. */
    public static final String EMBEDDED_IN_USE = "agentanchor.db.embedded-in-use";

    /** {@code AGENTANCHOR_DB_CONNECTION_TIMEOUT}: long enough for a busy pool, short enough to fail fast. */
    private static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    private static final String EMBEDDED_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    /** One per JVM, so that every context of a test run agrees on the embedded app role's password. */
    private static final String GENERATED_APP_PASSWORD = generatePassword();

    private final Log log;

    public DatabaseEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(getClass());
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        var target = choose(env);
        var appPassword = env.getProperty("agentanchor.db.app-password");
        if (appPassword == null || appPassword.isBlank()) {
            if (!target.embedded()) {
                throw new InvalidDatabaseUrl(target.variable(), "the app needs AGENTANCHOR_DB_APP_PASSWORD too: it "
                        + "connects as the role agentanchor_app, never as the owner in the URL");
            }
            appPassword = GENERATED_APP_PASSWORD;
        }
        var migration = migrationTarget(env, target.url());
        DatabaseSource.describe(target.variable(), target.url().location());

        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", target.url().jdbcUrl());
        props.put("spring.datasource.username", APP_ROLE);
        props.put("spring.datasource.password", appPassword);
        props.put("spring.liquibase.url", migration.jdbcUrl());
        if (migration.user() != null) {
            props.put("spring.liquibase.user", migration.user());
        }
        if (migration.password() != null) {
            props.put("spring.liquibase.password", migration.password());
        }
        // Fail fast while the database is away: a request waits this long for a connection, then is a 503.
        props.put("spring.datasource.hikari.connection-timeout", Binder.get(env)
                .bind("agentanchor.db.connection-timeout", Duration.class).orElse(DEFAULT_CONNECTION_TIMEOUT).toMillis());
        props.put("spring.liquibase.parameters.app_password", appPassword.replace("'", "''"));
        // Read by the security setup: development tokens are for the embedded database (or by explicit choice).
        props.put(EMBEDDED_IN_USE, target.embedded());
        env.getPropertySources().addFirst(new MapPropertySource("agentanchorDatabase", props));
        log.info("Database: " + target.variable() + " at " + target.url().location() + ", migrations "
                + (migratesOnStart(env) ? "on start as " + migration.user() : "off on start") + ", pool as "
                + APP_ROLE);
    }

    private Target choose(ConfigurableEnvironment env) {
        var springUrl = env.getProperty("spring.datasource.url");
        if (springUrl != null && !springUrl.isBlank()) {
            var url = DatabaseUrl.parse("SPRING_DATASOURCE_URL", springUrl);
            return new Target("SPRING_DATASOURCE_URL", url.withCredentials(
                    env.getProperty("spring.datasource.username", orDefault(url.user())),
                    env.getProperty("spring.datasource.password", url.password() == null ? "" : url.password())),
                    false);
        }
        // A migration step may be given only the direct URL (the database commands, README).
        var variable = blank(env.getProperty("DATABASE_URL")) && !blank(env.getProperty("DATABASE_URL_UNPOOLED"))
                ? "DATABASE_URL_UNPOOLED" : "DATABASE_URL";
        var databaseUrl = env.getProperty(variable);
        if (!blank(databaseUrl)) {
            var url = DatabaseUrl.parse(variable, databaseUrl);
            // Without migrations on start the URL's credentials go unused: the app holds no owner's password.
            return new Target(variable, migratesOnStart(env) ? requireUser(variable, url) : url, false);
        }
        if (env.getProperty("agentanchor.db.embedded", Boolean.class, true)
                && ClassUtils.isPresent(EMBEDDED_CLASS, getClass().getClassLoader())) {
            return new Target("embedded PostgreSQL", EmbeddedDatabase.start(env.getProperty("agentanchor.data-dir")),
                    true);
        }
        throw new InvalidDatabaseUrl("DATABASE_URL", "it is not set, and this build has no embedded PostgreSQL");
    }

    private static DatabaseUrl migrationTarget(ConfigurableEnvironment env, DatabaseUrl pooled) {
        var unpooled = env.getProperty("DATABASE_URL_UNPOOLED");
        if (unpooled == null || unpooled.isBlank()) {
            return pooled;
        }
        var url = DatabaseUrl.parse("DATABASE_URL_UNPOOLED", unpooled);
        return url.user() == null ? url.withCredentials(pooled.user(), pooled.password()) : url;
    }

    /** {@code AGENTANCHOR_DB_MIGRATE_ON_START} (application.yaml maps it to Boot's own switch). */
    private static boolean migratesOnStart(ConfigurableEnvironment env) {
        return env.getProperty("spring.liquibase.enabled", Boolean.class, true);
    }

    private static DatabaseUrl requireUser(String variable, DatabaseUrl url) {
        if (url.user() == null || url.user().isBlank()) {
            throw new InvalidDatabaseUrl(variable, "it names no user");
        }
        return url;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String orDefault(String user) {
        return user == null ? "postgres" : user;
    }

    private static String generatePassword() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public int getOrder() {
        // After application.yaml and the environment are loaded, so both can be read; before the auth check.
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    private record Target(String variable, DatabaseUrl url, boolean embedded) {
    }
}
