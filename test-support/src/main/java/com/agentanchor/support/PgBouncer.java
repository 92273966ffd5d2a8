package com.agentanchor.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.springframework.core.env.Environment;

/**
 * Debian's PgBouncer in transaction mode in front of the tests' PostgreSQL, as Neon's {@code -pooler} host runs it:
 * a server connection returns to the pool after every transaction, and nothing is reset in between
 * ({@code server_reset_query} empty), so whatever a client leaves in a session reaches the next one. Started like
 * the embedded database, stopped on close.
 *
 * <p>Where the binary is missing it is installed with apt-get (root, or sudo without a password), as
 * {@code e2e/run.sh} installs chromium; only where that is impossible are the tests that need it skipped, saying why.
 * PgBouncer refuses to run as root, so as root it runs as {@code postgres} (the user Debian's package creates).
 */
public final class PgBouncer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;
    private final Path dir;
    private final int port;

    private PgBouncer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * In front of the PostgreSQL the test context uses, every database of it, with {@code poolSize} server
     * connections per database and user.
     */
    public static PgBouncer inFrontOf(Environment env, int poolSize) throws Exception {
        Assumptions.assumeTrue(installed(), "pgbouncer is not installed and apt-get could not install it");
        var server = java.net.URI.create(env.getRequiredProperty("spring.liquibase.url").substring("jdbc:".length()));
        var dir = Files.createTempDirectory("agentanchor-pgbouncer");
        int port = freePort();
        // auth_type trust: the client is not asked; the passwords here are what PgBouncer logs in to the server with.
        Files.writeString(dir.resolve("users.txt"),
                quoted(env.getRequiredProperty("spring.liquibase.user"), env.getProperty("spring.liquibase.password", ""))
                        + quoted(env.getRequiredProperty("spring.datasource.username"),
                                env.getRequiredProperty("spring.datasource.password")));
        Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                "* = host=" + ("localhost".equals(server.getHost()) ? "127.0.0.1" : server.getHost()) + " port="
                        + server.getPort(),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = trust",
                "auth_file = " + dir.resolve("users.txt"),
                "pool_mode = transaction",
                "default_pool_size = " + poolSize,
                "max_client_conn = 200",
                "server_reset_query =",
                "logfile = " + dir.resolve("pgbouncer.log"),
                "") + "\n");
        var command = new ArrayList<String>();
        if (root()) {
            new ProcessBuilder("chown", "-R", "postgres", dir.toString()).inheritIO().start().waitFor();
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BINARY.toString());
        command.add(dir.resolve("pgbouncer.ini").toString());
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited: " + log(dir));
            }
            try (var probe = new Socket("127.0.0.1", port)) {
                return new PgBouncer(process, dir, port);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("pgbouncer did not listen within 20 s: " + log(dir));
    }

    /** A JDBC URL of {@code database} through the pooler, with no server-side prepared statements (see README). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?prepareThreshold=0";
    }

    /** What PgBouncer logged so far (its errors name any session state a client relied on). */
    public String log() {
        return log(dir);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static synchronized boolean installed() throws Exception {
        if (Files.isExecutable(BINARY)) {
            return true;
        }
        var sudo = root() ? List.<String>of() : List.of("sudo", "-n");
        for (var step : List.of(List.of("apt-get", "update", "-qq"),
                List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "pgbouncer"))) {
            var command = new ArrayList<>(sudo);
            command.addAll(step);
            try {
                var p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                        ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return false;
                }
            } catch (IOException noAptOrSudo) {
                return false;
            }
        }
        return Files.isExecutable(BINARY);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String quoted(String user, String password) {
        return "\"" + user + "\" \"" + password.replace("\"", "\"\"") + "\"\n";
    }

    private static String log(Path dir) {
        try {
            var log = dir.resolve("pgbouncer.log");
            var out = dir.resolve("stdout.log");
            return (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "")
                    + (Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
