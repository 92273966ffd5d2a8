package com.agentanchor.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Request throughput of the built jar, measured from outside (issue 13). JDK only, so it runs as a single source
 * file against the jar with no Maven involved:
 *
 * <pre>
 * ./mvnw -B -pl app -am -DskipTests package
 * java app/src/test/java/com/agentanchor/bench/LoadBenchmark.java
 * </pre>
 *
 * It starts a throwaway PostgreSQL cluster and the jar in its own JVM against it (local Pusher server, free ports),
 * asks {@code POST /dev/token} for a user's token, registers agents (each one also appends a truth-chain record),
 * then drives each endpoint class with Debian's {@code wrk} (closed loop, a Lua script for the bearer token; without
 * wrk on the PATH, a JVM closed-loop driver does it and says so), after a warm-up, and finally a constant-rate run with a JVM driver that measures each
 * request's latency from its scheduled start, so a stall counts against every request it delays.
 *
 * <p>These machines are shared and their absolute figures move up to 3x between runs, so the same run also measures a
 * floor: a JDK {@link HttpServer} answering a constant body with TCP_NODELAY, driven by the same tool at the same
 * concurrency. Every figure is printed as a share of that floor, next to the target.
 *
 * <p>Options: {@code --jar PATH}, {@code --warmup S} (per case, default 60, the issue's own: with 25 the C2
 * compiler still took a third of a core through the list's measured seconds, and the same jar's figures halved
 * between runs; after it, each case goes on while the JIT compilers still work, see {@link #warmUp}),
 * {@code --duration S} (per measurement, default 15), {@code --rate-seconds S} (default 60), {@code --only a,b}
 * (case names: floor, liveness, config, list, list16, agent, register, record, listings, rate),
 * {@code --jfr FILE} (record the app with JFR during the run), {@code --jvm-arg ARG} (repeatable),
 * {@code --jvm} (the JVM driver even if wrk is installed), {@code --database-url URL} (another PostgreSQL).
 */
public final class LoadBenchmark {

    private static final String USER = "load-bench";

    private final Map<String, String> options;
    private final List<String> jvmArgs;
    private final int warmup;
    private final int duration;
    private final boolean wrk;
    private Path scripts;

    private LoadBenchmark(Map<String, String> options, List<String> jvmArgs) {
        this.options = options;
        this.jvmArgs = jvmArgs;
        this.warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        this.duration = Integer.parseInt(options.getOrDefault("duration", "15"));
        this.wrk = !options.containsKey("jvm") && onPath("wrk");
    }

    public static void main(String[] args) throws Exception {
        // Read once, when the JDK's server classes load: must be set before the floor server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        var options = new LinkedHashMap<String, String>();
        var jvmArgs = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            var name = args[i].replaceFirst("^--", "");
            if (name.equals("jvm")) {
                options.put(name, "true");
            } else if (name.equals("jvm-arg")) {
                jvmArgs.add(args[++i]);
            } else {
                options.put(name, args[++i]);
            }
        }
        new LoadBenchmark(options, jvmArgs).run();
    }

    // ------------------------------------------------------------------------------------------------ the run

    /**
     * The issue sets each target twice: requests/s on a day its floor measured ~22,000/s, and the share of the floor
     * that makes (8,000 ≈ 36 %); on a machine whose load moves the floor, the share is the one to read.
     */
    private record Case(String name, String label, int connections, String path, String script, double targetRate,
            double targetShare) {
    }

    private record Result(double rate, double p50, double p95, double p99, double max, long requests, long errors) {
    }

    /** CPU time per request of the measured interval, in microseconds: the app's JVM and the database's processes. */
    private record Cpu(double app, double database) {
    }

    private boolean wanted(String name) {
        var only = options.get("only");
        return only == null || Arrays.asList(only.split(",")).contains(name);
    }

    private void run() throws Exception {
        var jar = options.containsKey("jar") ? Path.of(options.get("jar")) : findJar();
        scripts = Files.createTempDirectory("agentanchor-load");
        System.out.printf(Locale.ROOT, "Load benchmark: %d cores, Java %s, load average %.1f at start; driver: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                wrk ? "wrk (" + version() + "), 2 threads" : "JVM closed loop (wrk is not on the PATH)");
        System.out.printf(Locale.ROOT,
                "jar: %s; warm-up %d s per case (on while the JIT compiles, up to %d s more), then %d s measured%n",
                jar, warmup, MAX_SETTLE_SECONDS, duration);

        var floor = floorServer();
        Database database = null;
        App app;
        try {
            database = options.containsKey("database-url") ? null : Database.start();
            app = startApp(jar, database == null ? options.get("database-url") : database.url);
        } catch (Exception e) {
            // The floor's dispatcher thread would keep this JVM alive after the failure.
            floor.stop(0);
            if (database != null) {
                database.stop();
            }
            throw e;
        }
        try {
            var base = app.base;
            var token = devToken(base);
            var agentIds = registerAgents(base, token, 200);
            System.out.printf("setup: a dev token for %s, %d agents registered (and as many truth-chain records)%n",
                    USER, agentIds.size());

            var floorBase = "http://127.0.0.1:" + floor.getAddress().getPort();
            var cases = List.of(
                    new Case("liveness", "GET /actuator/health/liveness (no auth, no DB)", 4, "/actuator/health/liveness",
                            null, 8_000, 36),
                    new Case("config", "GET /api/realtime/config (no auth, no DB)", 4, "/api/realtime/config", null,
                            0, 0),
                    new Case("list", "GET /api/agents?size=20 (JWT, RLS)", 4, "/api/agents?size=20",
                            bearer(token), 2_500, 11),
                    new Case("list16", "GET /api/agents?size=20 (JWT, RLS)", 16, "/api/agents?size=20",
                            bearer(token), 0, 0),
                    new Case("agent", "GET /api/agents/{id} (JWT, RLS)", 4, "/api/agents/" + agentIds.get(0),
                            bearer(token), 0, 0),
                    new Case("register", "POST /api/agents (JWT, RLS, write)", 4, "/api/agents", register(token),
                            800, 3.6),
                    new Case("record", "GET /api/truth-chain/records/{n} (public)", 4, "/api/truth-chain/records/1",
                            records(agentIds.size()), 0, 0),
                    new Case("listings", "GET /api/marketplace/listings (public)", 4, "/api/marketplace/listings", null,
                            0, 0));

            // The floor first and last: the machine's load moves while the run lasts, and the two bound it.
            Result floorBefore = null;
            if (wanted("floor")) {
                drive(floorBase, "/", null, 4, warmup);
                floorBefore = drive(floorBase, "/", null, 4, duration);
            }
            var results = new LinkedHashMap<Case, Result>();
            var cpu = new LinkedHashMap<Case, Cpu>();
            var meter = new CpuMeter(app.process.pid(), database == null ? null : database.dir.resolve("data"));
            for (var c : cases) {
                if (!wanted(c.name)) {
                    continue;
                }
                warmUp(meter, c, () -> drive(base, c.path, c.script, c.connections, SETTLE_SLICE));
                var before = meter.ticks();
                var result = drive(base, c.path, c.script, c.connections, duration);
                results.put(c, result);
                cpu.put(c, meter.perRequest(before, meter.ticks(), result.requests));
            }
            Result floorAfter = wanted("floor") ? drive(floorBase, "/", null, 4, duration) : null;
            Result rate = wanted("rate") ? constantRate(base, "/api/agents?size=20", token, 300,
                    Integer.parseInt(options.getOrDefault("rate-seconds", "60"))) : null;

            report(floorBefore, floorAfter, results, cpu, rate);
        } finally {
            app.stop();
            floor.stop(0);
            if (database != null) {
                database.stop();
            }
        }
    }

    /**
     * The 60 s, then on in slices while the JIT compilers still worked in the last one: a registration's path
     * is long, and its compilers still took 0.3-0.5 of a core at 60 s (they settle by about 100 s), CPU that the
     * measured seconds would otherwise count as the request's. Never more than {@link #MAX_SETTLE_SECONDS} more.
     */
    private void warmUp(CpuMeter meter, Case c, Slice slice) throws Exception {
        int seconds = 0;
        double compiling;
        do {
            long before = meter.compilerTicks();
            slice.drive();
            seconds += SETTLE_SLICE;
            compiling = (meter.compilerTicks() - before) / (double) CpuMeter.USER_HZ / SETTLE_SLICE;
        } while (seconds < warmup
                || compiling > SETTLED_COMPILER_SHARE && seconds < warmup + MAX_SETTLE_SECONDS);
        System.out.printf(Locale.ROOT, "warm-up %s: %d s; the JIT compilers' share of a core in the last %d s: %.2f%n",
                c.name, seconds, SETTLE_SLICE, compiling);
    }

    private static final int SETTLE_SLICE = 10;
    private static final double SETTLED_COMPILER_SHARE = 0.05;
    private static final int MAX_SETTLE_SECONDS = 120;

    @FunctionalInterface
    private interface Slice {
        void drive() throws Exception;
    }

    private void report(Result before, Result after, Map<Case, Result> results, Map<Case, Cpu> cpu, Result rate) {
        double floor = before == null ? 0 : (after == null ? before.rate : (before.rate + after.rate) / 2);
        System.out.println();
        System.out.println("| endpoint | conns | requests/s | share of floor | p50 ms | p95 ms | p99 ms | errors"
                + " | CPU µs/request: app, database | target |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        if (before != null) {
            row("floor: JDK HttpServer, constant body (before)", 4, before, floor, null, "");
        }
        for (var e : results.entrySet()) {
            var c = e.getKey();
            var r = e.getValue();
            String target = "";
            if (c.targetRate > 0) {
                double share = floor > 0 ? 100 * r.rate / floor : 0;
                target = String.format(Locale.ROOT, ">= %,.0f/s or >= %.1f %% of the floor: %s", c.targetRate,
                        c.targetShare, share >= c.targetShare ? "share met" : "share NOT met")
                        + (r.rate >= c.targetRate ? ", rate met" : ", rate NOT met");
            }
            row(c.label, c.connections, r, floor, cpu.get(c), target);
        }
        if (after != null) {
            row("floor: JDK HttpServer, constant body (after)", 4, after, floor, null, "");
        }
        if (rate != null) {
            System.out.printf(Locale.ROOT,
                    "%nconstant rate, GET /api/agents?size=20 (JWT, RLS) at 300 req/s: %,d requests in %.0f s, %d errors;"
                            + " latency from the scheduled start: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms"
                            + "   [target p99 < 10 ms, 0 errors: %s]%n",
                    rate.requests, rate.requests / rate.rate, rate.errors, rate.p50, rate.p95, rate.p99, rate.max,
                    rate.p99 < 10 && rate.errors == 0 ? "met" : "NOT met");
        }
        System.out.printf(Locale.ROOT, "load average at the end: %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void row(String label, int connections, Result r, double floor, Cpu cpu, String target) {
        System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %s | %.2f | %.2f | %.2f | %d | %s | %s |%n", label,
                connections, r.rate, floor > 0 ? String.format(Locale.ROOT, "%.1f %%", 100 * r.rate / floor) : "-",
                r.p50, r.p95, r.p99, r.errors,
                cpu == null ? "" : String.format(Locale.ROOT, "%,.0f, %s", cpu.app,
                        Double.isNaN(cpu.database) ? "-" : String.format(Locale.ROOT, "%,.0f", cpu.database)),
                target);
    }

    /**
     * Requests/s move with the machine's load (the floor by a third within one run). The CPU time a request costs
     * moves too where the host's preemption is not reported as steal time, but the two together tell a request made
     * cheaper from a machine grown faster. Read from /proc: the app's JVM, and the cluster's postmaster with every
     * process under it (a backend that has exited counts through the postmaster's children's time). An external
     * database ({@code --database-url}) is not measured.
     */
    private static final class CpuMeter {
        static final int USER_HZ = 100; // on Linux
        private static final double MICROS_PER_TICK = 1e6 / USER_HZ;

        private final long app;
        private final Path data;

        CpuMeter(long app, Path data) {
            this.app = app;
            this.data = data;
        }

        long[] ticks() throws IOException {
            long database = -1;
            if (data != null) {
                long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
                database = stat(proc(postmaster), true);
                try (var processes = Files.list(Path.of("/proc"))) {
                    for (var dir : (Iterable<Path>) processes::iterator) {
                        var name = dir.getFileName().toString();
                        if (name.chars().allMatch(Character::isDigit) && parent(dir) == postmaster) {
                            database += stat(dir, true);
                        }
                    }
                }
            }
            return new long[] {stat(proc(app), false), database};
        }

        /** The JIT compiler threads' utime + stime (their names, in /proc/PID/task/TID/comm: "C1 CompilerThre"…). */
        long compilerTicks() throws IOException {
            long ticks = 0;
            try (var tasks = Files.list(proc(app).resolve("task"))) {
                for (var task : (Iterable<Path>) tasks::iterator) {
                    try {
                        if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                            ticks += stat(task, false);
                        }
                    } catch (IOException gone) {
                        // a compiler thread that ended between the listing and the read
                    }
                }
            }
            return ticks;
        }

        Cpu perRequest(long[] before, long[] after, long requests) {
            double app = (after[0] - before[0]) * MICROS_PER_TICK / requests;
            double database = before[1] < 0 ? Double.NaN : (after[1] - before[1]) * MICROS_PER_TICK / requests;
            return new Cpu(app, database);
        }

        /**
         * utime + stime (fields 14 and 15 of a process's or a thread's stat), with the reaped children's too when
         * asked.
         */
        private static long stat(Path dir, boolean children) {
            var f = fields(dir);
            if (f == null) {
                return 0; // exited between the listing and the read: counted with its parent's children
            }
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return children ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        }

        private static Path proc(long pid) {
            return Path.of("/proc", Long.toString(pid));
        }

        private static long parent(Path dir) {
            var f = fields(dir);
            return f == null ? -1 : Long.parseLong(f[1]);
        }

        /** The fields after the command's name (which may hold spaces): [0] is field 3, the state. */
        private static String[] fields(Path dir) {
            try {
                var line = Files.readString(dir.resolve("stat"));
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (IOException gone) {
                return null;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the app

    private static final class App {
        final Process process;
        final String base;
        final Path log;

        App(Process process, String base, Path log) {
            this.process = process;
            this.base = base;
            this.log = log;
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: a graceful shutdown that also stops its embedded PostgreSQL
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * The jar leaves the embedded PostgreSQL out, so the benchmark makes a throwaway cluster with the machine's own
     * PostgreSQL (Debian's {@code postgresql} package), durable as a deployment's would be (fsync and synchronous
     * commits on), on a free port, and removes it afterwards. {@code --database-url} points at another one instead
     * (the owner's credentials in the URL, as the app expects; the app role's password is then {@code load-bench}).
     */
    private static final class Database {
        final Path dir;
        final Path bin;
        final String url;

        private Database(Path dir, Path bin, String url) {
            this.dir = dir;
            this.bin = bin;
            this.url = url;
        }

        static Database start() throws Exception {
            Path bin;
            try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                        .max((a, b) -> Integer.compare(major(a), major(b)))
                        .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"));
            } catch (IOException e) {
                throw new IllegalStateException("no PostgreSQL server found: apt-get install postgresql, or pass"
                        + " --database-url jdbc:postgresql://host:port/db?user=...&password=...", e);
            }
            var dir = Files.createTempDirectory("agentanchor-load-pg");
            int port = freePort();
            var data = dir.resolve("data");
            // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                exec(List.of("chown", "postgres", dir.toString()));
            }
            exec(as(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--no-sync")));
            exec(as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
                    dir.resolve("postgres.log").toString(), "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=100", "start")));
            var url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
            var version = bin.getParent().getFileName();
            System.out.println("database: PostgreSQL " + version + " (" + bin + "), a new cluster on port " + port
                    + ", fsync and synchronous_commit on");
            return new Database(dir, bin, url);
        }

        void stop() {
            boolean root = "root".equals(System.getProperty("user.name"));
            try {
                exec(as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w",
                        "-m", "fast", "stop")));
                exec(List.of("rm", "-rf", dir.toString()));
            } catch (Exception e) {
                System.out.println("could not stop the benchmark's PostgreSQL in " + dir + ": " + e.getMessage());
            }
        }

        private static int major(Path bin) {
            try {
                return Integer.parseInt(bin.getParent().getFileName().toString());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static List<String> as(boolean root, List<String> command) {
            if (!root) {
                return command;
            }
            var wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            wrapped.addAll(command);
            return wrapped;
        }

        private static void exec(List<String> command) throws Exception {
            var p = new ProcessBuilder(command).redirectErrorStream(true).start();
            var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        }
    }

    private App startApp(Path jar, String databaseUrl) throws Exception {
        int port = freePort();
        int wsPort = freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // As the README runs the jar (README, "The JVM"); a --jvm-arg -XX:+UseCodeCacheFlushing after it wins.
        command.add("-XX:-UseCodeCacheFlushing");
        command.add("-XX:+UseTransparentHugePages");
        command.addAll(jvmArgs);
        if (options.containsKey("jfr")) {
            command.add("-XX:StartFlightRecording=filename=" + options.get("jfr") + ",settings=profile,dumponexit=true");
        }
        command.add("-jar");
        command.add(jar.toString());
        var log = Files.createTempFile("agentanchor-load-app", ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("AGENTANCHOR_REALTIME_WS_PORT", Integer.toString(wsPort));
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().remove("DATABASE_URL_UNPOOLED");
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("AGENTANCHOR_DB_APP_PASSWORD", "load-bench");
        // An external database: the development tokens must be asked for (README, configuration).
        builder.environment().put("AGENTANCHOR_AUTH_DEV_TOKENS", "true");
        var process = builder.start();
        var base = "http://127.0.0.1:" + port;
        System.out.println("app: " + String.join(" ", command.subList(1, command.size())) + "; log: " + log);
        var client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited before it was ready; see " + log);
            }
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new App(process, base, log);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the app was not ready within 300 s; see " + log);
    }

    private static String devToken(String base) throws Exception {
        var body = "{\"sub\":\"" + USER + "\",\"email\":\"" + USER + "@example.com\",\"name\":\"Load Bench\"}";
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        var m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("POST /dev/token answered " + r.statusCode() + ": " + r.body());
        }
        return m.group(1);
    }

    private static final String NEW_AGENT = "{\"name\":\"Load bench agent\",\"description\":\"registered by the load"
            + " benchmark\",\"model\":\"claude-sonnet-4\"}";

    private static List<String> registerAgents(String base, String token, int count) throws Exception {
        var client = HttpClient.newHttpClient();
        var ids = new ArrayList<String>();
        var id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        for (int i = 0; i < count; i++) {
            var r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/agents"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(NEW_AGENT)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = id.matcher(r.body());
            if (r.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("POST /api/agents answered " + r.statusCode() + ": " + r.body());
            }
            ids.add(m.group(1));
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------------ the floor

    /** What this machine's loopback, kernel and a JVM HTTP server give with no framework at all. */
    private static HttpServer floorServer() throws IOException {
        var body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    // ------------------------------------------------------------------------------------------------ wrk

    private String bearer(String token) throws IOException {
        return script("wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n");
    }

    private String register(String token) throws IOException {
        return script("wrk.method = \"POST\"\n"
                + "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.body = '" + NEW_AGENT + "'\n");
    }

    /** Cycles over the first records, so the reads are not all of one row. */
    private String records(int count) throws IOException {
        return script("local n = 0\n"
                + "request = function()\n"
                + "  n = n % " + count + " + 1\n"
                + "  return wrk.format(\"GET\", \"/api/truth-chain/records/\" .. n)\n"
                + "end\n");
    }

    private static final String REPORT = "\ndone = function(summary, latency, requests)\n"
            + "  local e = summary.errors\n"
            + "  io.write(string.format(\"RESULT %d %d %d %d %d %d %d %d %d\\n\", summary.requests, summary.duration,"
            + " latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,"
            + " e.connect + e.read + e.write + e.timeout, e.status, 0))\n"
            + "end\n";

    private int scriptCount;

    private String script(String lua) throws IOException {
        var file = scripts.resolve("case" + (scriptCount++) + ".lua");
        Files.writeString(file, lua);
        return file.toString();
    }

    private Result drive(String base, String path, String script, int connections, int seconds) throws Exception {
        if (!wrk) {
            return ClosedLoop.run(base, path, script, connections, seconds);
        }
        var lua = new StringBuilder(script == null ? "" : Files.readString(Path.of(script))).append(REPORT);
        var file = script(lua.toString());
        var command = List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "-s", file,
                base + path);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        var m = Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + out);
        }
        long requests = Long.parseLong(m.group(1));
        double micros = Double.parseDouble(m.group(2));
        return new Result(requests / (micros / 1e6), ms(m.group(3)), ms(m.group(4)), ms(m.group(5)), ms(m.group(6)),
                requests, Long.parseLong(m.group(7)) + Long.parseLong(m.group(8)));
    }

    private static double ms(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }

    // ------------------------------------------------------------------------------------------------ JVM driver

    /**
     * A persistent HTTP/1.1 connection that sends one request at a time and reads the whole answer. Also the
     * measuring client of {@link AgentLoopBenchmark}, whose requests differ per call ({@link #exchange(byte[])}).
     */
    static final class Connection implements AutoCloseable {
        private final String host;
        private final int port;
        private final byte[] request;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(String base) {
            var uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort();
            this.request = null;
        }

        Connection(String base, String method, String path, Map<String, String> headers, String body) {
            var uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort();
            this.request = request(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        byte[] request(String method, String path, Map<String, String> headers, byte[] body) {
            var text = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                    .append(':').append(port).append("\r\n");
            headers.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                text.append("Content-Length: ").append(body.length).append("\r\n");
            }
            text.append("\r\n");
            var head = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            if (body == null) {
                return head;
            }
            var whole = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, whole, head.length, body.length);
            return whole;
        }

        int exchange() throws IOException {
            return exchange(request);
        }

        /** The status code; the answer's body is read and dropped. */
        int exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            var status = line();
            if (status == null) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                var lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            if (close) {
                close();
            }
            return code;
        }

        private String line() throws IOException {
            var buffer = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    var s = buffer.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                buffer.write(b);
            }
            return null;
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    /** A request description read back from a case's Lua script, for the JVM driver. */
    private static Connection connection(String base, String path, String script) throws IOException {
        var headers = new LinkedHashMap<String, String>();
        String method = "GET";
        String body = null;
        if (script != null) {
            var lua = Files.readString(Path.of(script));
            var header = Pattern.compile("wrk\\.headers\\[\"([^\"]+)\"\\] = \"([^\"]+)\"").matcher(lua);
            while (header.find()) {
                headers.put(header.group(1), header.group(2));
            }
            var m = Pattern.compile("wrk\\.method = \"([A-Z]+)\"").matcher(lua);
            if (m.find()) {
                method = m.group(1);
            }
            var b = Pattern.compile("wrk\\.body = '(.*)'").matcher(lua);
            if (b.find()) {
                body = b.group(1);
            }
        }
        return new Connection(base, method, path, headers, body);
    }

    private static final class ClosedLoop {
        static Result run(String base, String path, String script, int connections, int seconds) throws Exception {
            var latencies = new ArrayList<long[]>();
            var counts = new int[connections];
            var errors = new AtomicLong();
            var threads = new ArrayList<Thread>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long start = System.nanoTime();
            for (int t = 0; t < connections; t++) {
                var mine = new long[1 << 21];
                latencies.add(mine);
                int slot = t;
                var connection = connection(base, path, script);
                var thread = new Thread(() -> {
                    int n = 0;
                    while (System.nanoTime() < end && n < mine.length) {
                        long s = System.nanoTime();
                        try {
                            if (connection.exchange() >= 400) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException e) {
                            errors.incrementAndGet();
                            connection.close();
                        }
                        mine[n++] = System.nanoTime() - s;
                    }
                    counts[slot] = n;
                    connection.close();
                });
                threads.add(thread);
                thread.start();
            }
            for (var t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            int total = Arrays.stream(counts).sum();
            var all = new long[total];
            int k = 0;
            for (int t = 0; t < connections; t++) {
                System.arraycopy(latencies.get(t), 0, all, k, counts[t]);
                k += counts[t];
            }
            return summary(all, total / elapsed, errors.get());
        }
    }

    /**
     * Open loop: request i is due at start + i / rate whatever happened before it; the latency is measured from
     * that due time, so a request that waited for a free connection or a stalled server counts the wait.
     */
    private static Result constantRate(String base, String path, String token, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        var due = new long[total];
        var latencies = new long[total];
        var errors = new AtomicLong();
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(total);
        int workers = 32;
        var threads = new ArrayList<Thread>();
        for (int w = 0; w < workers; w++) {
            var connection = new Connection(base, "GET", path, Map.of("Authorization", "Bearer " + token), null);
            var thread = new Thread(() -> {
                try {
                    for (int i = queue.take(); i >= 0; i = queue.take()) {
                        try {
                            if (connection.exchange() >= 400) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException e) {
                            errors.incrementAndGet();
                            connection.close();
                        }
                        latencies[i] = System.nanoTime() - due[i];
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
                connection.close();
            }, "rate-" + w);
            threads.add(thread);
            thread.start();
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int i = 0; i < total; i++) {
            due[i] = start + i * period;
            long wait;
            while ((wait = due[i] - System.nanoTime()) > 0) {
                if (wait > 200_000) {
                    TimeUnit.NANOSECONDS.sleep(wait - 100_000);
                } else {
                    Thread.onSpinWait();
                }
            }
            queue.add(i);
        }
        for (int w = 0; w < workers; w++) {
            queue.add(-1);
        }
        for (var t : threads) {
            t.join();
        }
        return summary(latencies, rate, errors.get());
    }

    private static Result summary(long[] nanos, double rate, long errors) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Result(rate, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, sorted.length, errors);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Path findJar() throws IOException {
        try (var files = Files.list(Path.of("app", "target"))) {
            return files.filter(p -> p.getFileName().toString().matches("app-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no app/target/app-*.jar: build it first (./mvnw -B -pl app -am -DskipTests package)"));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean onPath(String program) {
        var path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static String version() {
        try {
            var p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            var m = Pattern.compile("wrk (\\S+)").matcher(out);
            return m.find() ? m.group(1) : "?";
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }
}
