package com.agentanchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.agentanchor.support.Api;
import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.ModulesOnTheClasspath;

/**
 * {@code db migrate | status | rollback}, run in-process through the command's entry point against databases of
 * their own in the test PostgreSQL, as a release pipeline would run them against a fresh one.
 */
@IntegrationTest
class DatabaseCommandTests {

    @Autowired
    Environment env;

    @Test
    void aFreshDatabaseIsMigratedCheckedRolledBackAndMigratedAgain() throws Exception {
        try (var db = FreshDatabase.create(env, "cli")) {
            var before = db("status", db);
            assertThat(before.code()).isEqualTo(DatabaseCommand.PENDING);
            long changesets = changeSets(before.out()).size();
            assertThat(changesets).as(before.out()).isGreaterThan(50);
            assertThat(before.out()).contains("  platform/platform.changelog.yaml::platform-roles::agentanchor",
                    "  academy/academy.changelog.yaml::");

            var port = freePort();
            var opened = new AtomicReference<String>();
            var migrated = SpringApplication.withHook(app -> new SpringApplicationRunListener() {
                @Override
                public void started(ConfigurableApplicationContext context, Duration timeTaken) {
                    opened.set((context instanceof WebServerApplicationContext ? "a web server " : "")
                            + (listening(port) ? "port " + port : ""));
                }
            }, () -> db("migrate", db, "--server.port=" + port));
            assertThat(migrated.code()).as(migrated.err()).isEqualTo(DatabaseCommand.DONE);
            assertThat(opened.get()).as("what the command opened").isEmpty();
            assertThat(migrated.out().lines().filter(l -> l.startsWith("  applied")).count()).isEqualTo(changesets);
            try (var owner = db.owner()) {
                assertThat(tables(owner)).contains("profiles", "agents", "council_decisions", "truth_chain",
                        "observer_events", "marketplace_listings", "acquisitions", "academy_progress");
            }

            var after = db("status", db);
            assertThat(after.code()).as(after.out()).isEqualTo(DatabaseCommand.DONE);
            assertThat(after.out()).contains("up to date");

            var last = lastApplied(db);
            var rolledBack = db("rollback", db, "1");
            assertThat(rolledBack.code()).as(rolledBack.err()).isEqualTo(DatabaseCommand.DONE);
            assertThat(rolledBack.out()).contains("rolled back " + last);
            var pending = db("status", db);
            assertThat(pending.code()).isEqualTo(DatabaseCommand.PENDING);
            assertThat(changeSets(pending.out())).containsExactly("  " + last);

            var reapplied = db("migrate", db);
            assertThat(reapplied.code()).as(reapplied.err()).isEqualTo(DatabaseCommand.DONE);
            assertThat(reapplied.out()).contains("  applied    " + last);
            assertThat(db("status", db).code()).isEqualTo(DatabaseCommand.DONE);
            assertThat(lastApplied(db)).isEqualTo(last);
        }
    }

    @Test
    void aFailedChangesetExitsNonZeroWithLiquibasesReasonAndLeavesNothingOfItBehind() throws Exception {
        try (var db = FreshDatabase.create(env, "clifail")) {
            try (var owner = db.owner(); var statement = owner.createStatement()) {
                statement.execute("CREATE TABLE agents (squatter int)"); // in the way of the agents' changeset
            }

            var failed = db("migrate", db);

            assertThat(failed.code()).isEqualTo(DatabaseCommand.FAILED);
            assertThat(failed.err()).contains("db migrate failed on", "agents", "already exists");
            try (var owner = db.owner()) {
                var applied = applied(owner);
                assertThat(applied).as("the changesets before it stay").anyMatch(c -> c.contains("profiles/"))
                        .noneMatch(c -> c.contains("agents-table"));
                assertThat(tables(owner)).contains("profiles").doesNotContain("trust_history");
            }
            assertThat(db("status", db).code()).isEqualTo(DatabaseCommand.PENDING);
        }
    }

    @Test
    void theCommandsAndTheAppAgreeOnWhatIsApplied() {
        // The test context's own database was migrated by the app on start.
        var url = withCredentials(env, env.getRequiredProperty("spring.liquibase.url"));
        for (var variable : List.of("DATABASE_URL", "DATABASE_URL_UNPOOLED")) { // a migration step may have only one
            // As in the packaged jar, which has no embedded PostgreSQL to fall back on.
            var status = run(env, "db", "status", "--" + variable + "=" + url, "--agentanchor.db.embedded=false");

            assertThat(status.code()).as(variable + ": " + status.out() + status.err()).isEqualTo(DatabaseCommand.DONE);
            assertThat(status.out()).contains("up to date");
        }
    }

    @Test
    void theAppStartsWithoutMigratingAndWithoutTheOwnersCredentialsWhenToldTo() throws Exception {
        try (var db = FreshDatabase.create(env, "cliapp")) {
            assertThat(db("migrate", db).code()).isEqualTo(DatabaseCommand.DONE);
            assertThat(db("rollback", db, "1").code()).isEqualTo(DatabaseCommand.DONE);

            try (var app = new SpringApplicationBuilder(ModulesOnTheClasspath.class).run(
                    "--DATABASE_URL=" + db.url(), // no user, no password: the owner's credentials stay away
                    "--AGENTANCHOR_DB_MIGRATE_ON_START=false",
                    "--agentanchor.db.app-password=" + env.getRequiredProperty("spring.datasource.password"),
                    "--agentanchor.auth.dev-tokens=true", "--server.port=0", "--agentanchor.realtime.local-ws-port=0",
                    "--spring.main.banner-mode=off")) {
                var port = ((WebServerApplicationContext) app).getWebServer().getPort();
                var api = new Api(port);
                assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
                assertThat(api.post("/api/agents", api.token("no-migration"), java.util.Map.of("name", "Unmigrated"))
                        .status()).isEqualTo(201);
            }
            assertThat(db("status", db).code()).as("still pending: the app did not migrate")
                    .isEqualTo(DatabaseCommand.PENDING);
        }
    }

    @Test
    void badInputIsNamedWithTheUsageAndExitCode2() {
        assertUsage("Unknown command: db upgrade", "db", "upgrade");
        assertUsage("db needs a command", "db");
        assertUsage("needs one count", "db", "rollback");
        assertUsage("at least 1, not 0", "db", "rollback", "0");
        assertUsage("at least 1, not three", "db", "rollback", "three");
        assertUsage("takes no now", "db", "migrate", "now");
        assertUsage("options of db seed-demo only", "db", "status", "--force");
        assertUsage("--seed must be a whole number, not x", "db", "seed-demo", "--seed", "x");
        assertUsage("Unknown option: --dry-run", "db", "migrate", "--dry-run");

        var help = run(env, "db", "--help");
        assertThat(help.code()).isEqualTo(DatabaseCommand.DONE);
        assertThat(help.out()).contains("migrate", "status", "rollback <count>", "seed-demo [--seed N] [--force]");
    }

    @Test
    void anUnreachableDatabaseIsNamedInOneSentence() {
        var result = run(env, "db", "status",
                "--DATABASE_URL=postgresql://owner:secret@127.0.0.1:9/app?connectTimeout=2");

        assertThat(result.code()).isEqualTo(DatabaseCommand.FAILED);
        assertThat(result.err()).contains("db status failed on 127.0.0.1:9/app as owner").doesNotContain("secret");
    }

    private void assertUsage(String message, String... args) {
        var result = run(env, args);
        assertThat(result.code()).as(String.join(" ", args)).isEqualTo(DatabaseCommand.USAGE);
        assertThat(result.err()).contains(message, "Usage: java -jar app.jar db");
    }

    /** {@code db <command>} against {@code db}, as its owner, the app role keeping the test context's password. */
    private Result db(String command, FreshDatabase db, String... more) {
        var args = new ArrayList<>(List.of("db", command, "--DATABASE_URL=" + withCredentials(env, db.url())));
        args.addAll(List.of(more));
        return run(env, args.toArray(String[]::new));
    }

    static Result run(Environment env, String... args) {
        var all = new ArrayList<>(List.of(args));
        // Roles are cluster-wide: every migration sets the app role's password, so it must stay the test context's.
        all.add("--agentanchor.db.app-password=" + env.getRequiredProperty("spring.datasource.password"));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = DatabaseCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A JDBC URL of the test PostgreSQL with the migrating user's credentials, as DATABASE_URL carries them. */
    static String withCredentials(Environment env, String jdbcUrl) {
        var password = env.getProperty("spring.liquibase.password", "");
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user="
                + URLEncoder.encode(env.getRequiredProperty("spring.liquibase.user"), StandardCharsets.UTF_8)
                + (password.isEmpty() ? "" : "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    private static String lastApplied(FreshDatabase db) throws SQLException {
        try (var owner = db.owner(); var s = owner.createStatement(); var rs = s.executeQuery(
                "SELECT filename || '::' || id || '::' || author FROM databasechangelog ORDER BY orderexecuted DESC "
                        + "LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The changesets a command listed, one a line. */
    private static List<String> changeSets(String output) {
        return output.lines().filter(l -> l.startsWith("  ") && l.contains("::")).toList();
    }

    private static List<String> applied(Connection c) throws SQLException {
        var found = new ArrayList<String>();
        try (var s = c.createStatement();
                var rs = s.executeQuery("SELECT filename || '::' || id FROM databasechangelog")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static List<String> tables(Connection c) throws SQLException {
        var found = new ArrayList<String>();
        try (var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (var socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    record Result(int code, String out, String err) {
    }
}
