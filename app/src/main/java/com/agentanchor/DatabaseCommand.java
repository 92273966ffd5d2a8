package com.agentanchor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.agentanchor.platform.database.DatabaseFailureAnalyzer;
import com.agentanchor.platform.database.Migrations;
import com.agentanchor.platform.database.Migrations.MigrationFailed;
import com.agentanchor.profiles.domain.UserRole;

/**
 * {@code java -jar app.jar db migrate | status | rollback <count> | seed-demo [--seed N] [--force]}: the database's
 * operations as commands of the same jar. A release pipeline migrates as its own step, with the owner's credentials
 * the running app never holds, and gates on {@code status}; a front-end developer gets a world to build screens
 * against. Each command starts only what its job needs (never a web server, the realtime server or a schedule),
 * chooses the database as the app does, and ends with an exit code a pipeline can act on.
 */
final class DatabaseCommand {

    static final int DONE = 0;
    /** {@code db status}: changesets are waiting. */
    static final int PENDING = 1;
    static final int USAGE = 2;
    /** The database could not be reached, or a changeset, a rollback or the seeding failed. */
    static final int FAILED = 3;
    /** {@code db seed-demo} on a database where something has happened already, without {@code --force}. */
    static final int REFUSED = 4;

    static final String USAGE_TEXT = """
            Usage: java -jar app.jar db <command> [--property=value ...]
              migrate                  apply every pending changeset
              status                   list the pending changesets; exit 1 if there are any
              rollback <count>         roll back the last <count> changesets
              seed-demo [--seed N] [--force]
                                       fill an empty database with a demo world (the same world for the same N)
            The database: as the app's (DATABASE_URL, migrations through DATABASE_URL_UNPOOLED when set), else
            the embedded PostgreSQL (kept in AGENTANCHOR_DATA_DIR). Exit codes: 0 done, 1 changesets pending,
            2 usage, 3 failed, 4 seed-demo refused (the database is not empty).""";

    /** Defaults for every command; {@code --logging.level.root=info} shows what happens underneath. */
    private static final Map<String, Object> QUIET = Map.of(
            "logging.level.root", "warn",
            // Start-up failures are reported here in one sentence, not as Boot's failure report.
            "logging.level.org.springframework.boot.SpringApplication", "off",
            "logging.level.org.springframework.boot.diagnostics", "off",
            "agentanchor.scheduling.enabled", "false");

    private static final long DEFAULT_SEED = 1;

    private DatabaseCommand() {
    }

    static boolean isFor(String[] args) {
        return args.length > 0 && args[0].equals("db");
    }

    /** Runs {@code db …} and returns its exit code; {@code --key=value} arguments are settings, as for the app. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (invocation.command().equals("help")) {
            out.println(USAGE_TEXT);
            return DONE;
        }
        return invocation.command().equals("seed-demo") ? seedDemo(invocation, out, err)
                : migrations(invocation, out, err);
    }

    private static int migrations(Invocation invocation, PrintStream out, PrintStream err) {
        // Whatever AGENTANCHOR_DB_MIGRATE_ON_START says for the app: migrating is this command's job.
        var args = new ArrayList<>(invocation.settings());
        args.add("--spring.liquibase.enabled=true");
        Migrations migrations;
        try (var context = start(EnvironmentOnly.class, args)) {
            migrations = Migrations.of(context.getEnvironment(), context);
            try {
                switch (invocation.command()) {
                    case "migrate":
                        return migrate(migrations, out);
                    case "status":
                        return status(migrations, out);
                    default:
                        return rollback(migrations, invocation.count(), out);
                }
            } catch (MigrationFailed e) {
                err.println("db " + invocation.command() + " failed on " + migrations.target() + ":");
                err.println(e.getMessage());
                return FAILED;
            }
        } catch (RuntimeException e) {
            err.println("db " + invocation.command() + " could not start: " + describe(e));
            return FAILED;
        }
    }

    private static int migrate(Migrations migrations, PrintStream out) {
        out.println("Migrating " + migrations.target());
        var applied = migrations.migrate();
        for (var changeSet : applied) {
            out.println((changeSet.again() ? "  re-applied " : "  applied    ") + changeSet.name());
        }
        long again = applied.stream().filter(Migrations.AppliedChangeSet::again).count();
        out.println("Done: " + applied.size() + " changesets applied (" + again + " of them again: changed functions "
                + "and the app role's password, which every migration sets). The schema is up to date.");
        return DONE;
    }

    private static int status(Migrations migrations, PrintStream out) {
        var pending = migrations.pending();
        if (pending.isEmpty()) {
            out.println(migrations.target() + ": up to date, no changeset pending.");
            return DONE;
        }
        out.println(migrations.target() + ": " + pending.size() + " changesets pending:");
        pending.forEach(changeSet -> out.println("  " + changeSet));
        return PENDING;
    }

    private static int rollback(Migrations migrations, int count, PrintStream out) {
        out.println("Rolling back the last " + count + " changesets of " + migrations.target());
        var undone = migrations.rollback(count);
        undone.forEach(changeSet -> out.println("  rolled back " + changeSet));
        out.println("Done: " + undone.size() + " changesets rolled back.");
        return DONE;
    }

    private static int seedDemo(Invocation invocation, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        try (var context = start(DemoWorldApplication.class, invocation.settings())) {
            var target = Migrations.of(context.getEnvironment(), context).target();
            var seeding = new DemoWorldSeeding(context, seedingThreads());
            if (!seeding.worldIsEmpty() && !invocation.force()) {
                err.println("db seed-demo refused: " + target + " is not empty (its truth chain has records). "
                        + "--force adds a demo world beside what is there.");
                return REFUSED;
            }
            out.println("Seeding the demo world of seed " + invocation.seed() + " into " + target + " ...");
            var world = DemoWorld.plan(invocation.seed());
            var summary = seeding.seed(world);
            report(world, summary, (System.nanoTime() - started) / 1_000_000, out);
            if (!summary.chainIntact()) {
                err.println("db seed-demo: the truth chain does not verify: " + summary.chainDefect());
                return FAILED;
            }
            return DONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("db seed-demo interrupted");
            return FAILED;
        } catch (RuntimeException e) {
            err.println("db seed-demo failed: " + describe(e));
            return FAILED;
        }
    }

    private static void report(DemoWorld world, DemoWorldSeeding.Summary summary, long millis, PrintStream out) {
        out.printf("Seeded in %.1f s (the use cases %.1f s, then %.1f s for the observer and the truth chain to "
                + "catch up): %d people (%d validators, seated by %s), %d agents%n", millis / 1000.0,
                summary.playing().toMillis() / 1000.0, summary.catchingUp().toMillis() / 1000.0, summary.people(),
                summary.validators(), DemoWorld.ADMIN.subject(), summary.agents());
        out.println("  statuses:   " + joined(summary.statuses()));
        out.println("  trust:      " + joined(summary.tiers()));
        out.println("  council:    " + summary.decisions() + " decisions by risk level " + joined(summary
                .decisionsByRisk()) + ", " + summary.votes() + " votes");
        out.println("  market:     " + summary.listings() + " listings, " + summary.acquisitions() + " acquisitions");
        out.println("  truth chain: " + summary.truthRecords() + " records, "
                + (summary.chainIntact() ? "intact" : "BROKEN"));
        var validator = world.validators().get(0);
        var trainer = world.people.stream().filter(p -> !p.validator() && !p.buys()).findFirst().orElseThrow();
        var consumer = world.people.stream().filter(p -> p.role() == UserRole.consumer).findFirst().orElseThrow();
        out.println("On the demo page, sign in as \"" + trainer.name() + "\" (trainer), \"" + validator.name()
                + "\" (validator) or \"" + consumer.name() + "\" (consumer).");
    }

    private static String joined(Map<?, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * Agents' lives are independent: a few threads keep both the JVM and PostgreSQL busy (each request waits for
     * its commit), more only queue for the pool.
     */
    private static int seedingThreads() {
        return Math.max(4, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    private static ConfigurableApplicationContext start(Class<?> source, List<String> settings) {
        return new SpringApplicationBuilder(source).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).properties(QUIET).run(settings.toArray(String[]::new));
    }

    /** One sentence for what went wrong, naming the setting to fix where the platform knows it. */
    private static String describe(Throwable failure) {
        var analysis = new DatabaseFailureAnalyzer().analyze(failure);
        if (analysis != null) {
            return analysis.getDescription() + " " + analysis.getAction();
        }
        var cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    /** A command and its arguments: what the command means and the settings the app reads as it always does. */
    record Invocation(String command, int count, long seed, boolean force, List<String> settings) {

        static Invocation parse(String[] args) {
            String command = null;
            var operands = new ArrayList<String>();
            var settings = new ArrayList<String>();
            String seed = null;
            boolean force = false;
            for (int i = 1; i < args.length; i++) {
                var arg = args[i];
                if (arg.equals("--help") || arg.equals("-h") || arg.equals("help") && command == null) {
                    return new Invocation("help", 0, DEFAULT_SEED, false, List.of());
                } else if (arg.equals("--force")) {
                    force = true;
                } else if (arg.equals("--seed")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--seed needs a number.");
                    }
                    seed = args[++i];
                } else if (arg.startsWith("--seed=")) {
                    seed = arg.substring("--seed=".length());
                } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                    settings.add(arg); // never echoed: a URL may hold a password
                } else if (arg.startsWith("-")) {
                    throw new IllegalArgumentException("Unknown option: " + arg);
                } else if (command == null) {
                    command = arg;
                } else {
                    operands.add(arg);
                }
            }
            if (command == null) {
                throw new IllegalArgumentException("db needs a command.");
            }
            if (!List.of("migrate", "status", "rollback", "seed-demo").contains(command)) {
                throw new IllegalArgumentException("Unknown command: db " + command);
            }
            boolean seeding = command.equals("seed-demo");
            if (!seeding && (force || seed != null)) {
                throw new IllegalArgumentException("--seed and --force are options of db seed-demo only.");
            }
            int count = 0;
            if (command.equals("rollback")) {
                if (operands.size() != 1) {
                    throw new IllegalArgumentException("db rollback needs one count: how many changesets to undo.");
                }
                count = positive(operands.get(0), "db rollback's count");
            } else if (!operands.isEmpty()) {
                throw new IllegalArgumentException("db " + command + " takes no " + operands.get(0) + ".");
            }
            long seedValue = DEFAULT_SEED;
            if (seed != null) {
                try {
                    seedValue = Long.parseLong(seed);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--seed must be a whole number, not " + seed + ".");
                }
            }
            return new Invocation(command, count, seedValue, force, List.copyOf(settings));
        }

        private static int positive(String value, String what) {
            try {
                int count = Integer.parseInt(value);
                if (count >= 1) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException(what + " must be a whole number of at least 1, not " + value + ".");
        }
    }

    /** What the migration commands start: the app's environment and its choice of database, no beans. */
    static final class EnvironmentOnly {
    }
}
