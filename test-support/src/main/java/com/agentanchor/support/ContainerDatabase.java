package com.agentanchor.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where a Docker engine runs, the tests' PostgreSQL is a Testcontainers {@code postgres:17} (one per JVM, shared by
 * every context and {@link FreshDatabase} of the run, as the embedded one is); without Docker, the embedded
 * PostgreSQL as before. A database named by {@code DATABASE_URL} (or its siblings) wins over both, and
 * {@code agentanchor.test.containers=false} turns containers off.
 *
 * <p>The container is handed to the app as a {@code DATABASE_URL} with the owner's credentials, the way a deployment
 * names its database, rather than through Spring Boot's {@code @ServiceConnection}: that would give the pool the
 * container's superuser, which the app refuses to serve from, while the app itself migrates as the owner and logs
 * its pool in as {@code agentanchor_app}.
 */
public final class ContainerDatabase implements EnvironmentPostProcessor, Ordered {

    private static final String IMAGE = "postgres:17-alpine";

    private static PostgreSQLContainer container;
    private static Boolean docker;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (named(env, "spring.datasource.url") || named(env, "DATABASE_URL") || named(env, "DATABASE_URL_UNPOOLED")
                || !env.getProperty("agentanchor.test.containers", Boolean.class, true) || !dockerAvailable()) {
            return;
        }
        var postgres = start();
        env.getPropertySources().addFirst(new MapPropertySource("agentanchorTestContainer", Map.of(
                "DATABASE_URL", "postgresql://" + postgres.getUsername() + ":" + postgres.getPassword() + "@"
                        + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + postgres.getDatabaseName(),
                "agentanchor.db.app-password", "test-app-role",
                // An external database serves development tokens only when told to (the tests' tokens).
                "agentanchor.auth.dev-tokens", "true")));
    }

    private static synchronized PostgreSQLContainer start() {
        if (container == null) {
            container = new PostgreSQLContainer(IMAGE);
            container.start();
        }
        return container;
    }

    private static synchronized boolean dockerAvailable() {
        if (docker == null) {
            // Asking Testcontainers costs seconds per JVM where there is no engine at all; where none of the usual
            // ways to reach one exists, do not ask.
            var home = Path.of(System.getProperty("user.home"));
            if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))
                    && !Files.exists(home.resolve(".docker/run/docker.sock"))
                    && !Files.exists(home.resolve(".testcontainers.properties"))) {
                return docker = false;
            }
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                docker = false;
            }
        }
        return docker;
    }

    private static boolean named(ConfigurableEnvironment env, String property) {
        var value = env.getProperty(property);
        return value != null && !value.isBlank();
    }

    @Override
    public int getOrder() {
        // Just before the platform's database post-processor, which then treats the container as any DATABASE_URL.
        return Ordered.LOWEST_PRECEDENCE - 2;
    }
}
