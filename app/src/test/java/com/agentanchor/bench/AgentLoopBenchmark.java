package com.agentanchor.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.agentanchor.AgentAnchorApplication;
import com.google.protobuf.ByteString;
import com.sun.management.HotSpotDiagnosticMXBean;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent loop's figures (issue 12), printed in one run (not a timed test). Starts a PostgreSQL of its own
 * (embedded binaries, fsync and synchronous commits on) and the whole app on it; every request goes over HTTP with
 * a real agent key or a real user token, row-level security on:
 * <ol>
 * <li>batch ingest: {@code POST /api/runtime/events/batch}, 1,000 events a call, 4 clients;
 * <li>single events: {@code POST /api/runtime/events}, 8 clients;
 * <li>OTLP protobuf: {@code POST /v1/traces}, 1,000 GenAI spans a call, 4 clients;
 * <li>{@code POST /api/runtime/authorize} for an allowed action at a constant 300 requests/s for 30 s, latency
 * measured from each request's scheduled start (no coordinated omission); then its floor: the same check's
 * statements sent over plain JDBC on the app's own pool, at the same rate, which is what the database, the commit's
 * flush and the machine's scheduling alone leave of the 5 ms;
 * <li>the owner's feed page of 50 ({@code GET /api/observer/events?limit=50}) once the log holds 1,000,000 events.
 * </ol>
 * {@code ./mvnw -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
 * -Dmdep.includeScope=test}, then {@code java -cp app/target/test-classes:app/target/classes:$(cat
 * app/target/bench-classpath.txt) com.agentanchor.bench.AgentLoopBenchmark}.
 */
public final class AgentLoopBenchmark {

    /** {@code -Dbench.statements=N}: after each measured phase, the N statements that took most of the database. */
    private static final int STATEMENTS = Integer.getInteger("bench.statements", 0);

    /** {@code -Dbench.phases=single,authorize}: only these (batch, single, otlp, authorize, feed); all by default. */
    private static final List<String> PHASES = List.of(System.getProperty("bench.phases",
            "batch,single,otlp,authorize,feed").split(","));

    /** Setup only; the measured calls go over blocking sockets, one per client thread (LoadBenchmark.Connection). */
    private final HttpClient http = HttpClient.newHttpClient();
    private final ThreadLocal<LoadBenchmark.Connection> connection = ThreadLocal.withInitial(this::open);
    private final Queue<LoadBenchmark.Connection> opened = new ConcurrentLinkedQueue<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String jdbcUrl;
    private final DataSource pool;
    private final ThreadPoolTaskExecutor listeners;
    private String owner;
    private String agent;
    private String key;

    private AgentLoopBenchmark(ConfigurableApplicationContext app, String jdbcUrl) {
        this.base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        this.jdbcUrl = jdbcUrl;
        this.pool = app.getBean(DataSource.class);
        this.listeners = app.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
    }

    public static void main(String[] args) throws Exception {
        var builder = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_wal_size", "2GB");
        if (STATEMENTS > 0) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        var postgres = builder.start();
        int status = 0;
        try (postgres) {
            var url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            var app = new SpringApplicationBuilder(AgentAnchorApplication.class).run("--server.port=0",
                    "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--agentanchor.db.app-password=" + UUID.randomUUID(), "--agentanchor.auth.dev-tokens=true");
            try {
                new AgentLoopBenchmark(app, url).run();
            } finally {
                app.close();
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        var out = new ArrayList<String>();
        try (var db = superuser()) {
            out.add(String.format("Agent loop benchmark: %d cores, Java %s (UseCodeCacheFlushing=%s, "
                    + "UseTransparentHugePages=%s), %s (embedded, fsync=%s, synchronous_commit=%s)",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    vmOption("UseCodeCacheFlushing"), vmOption("UseTransparentHugePages"),
                    value(db, "SELECT split_part(version(), ' on ', 1)"), value(db, "SHOW fsync"),
                    value(db, "SHOW synchronous_commit")));
        }
        setUp();

        System.out.println("warming up...");
        // As long as the measured phase: with 20 calls, C2 took 35-90 % of a core while the batches were measured.
        if (phase("batch")) {
            batches(200, 4);
        }
        // Long enough for C2 to settle: with 2,000 single events it still took a fifth of a core during measurement,
        // and with 8,000 (about 10 s once they were written in groups) still a quarter of the two cores.
        if (phase("single")) {
            singles(25_000, 8);
        }
        if (phase("otlp")) {
            otlp(5, 2);
        }
        if (phase("authorize")) {
            authorize(200, 45);
        }
        drain("warm-up");

        statementsReset();
        if (phase("batch")) {
            var batch = batches(200, 4);
            out.add(line("batch ingest, 1,000 events a call, 4 clients", batch, 1_000, "events")
                    + "   [target >= 20,000 events/s]");
            out.add(drain("batch ingest"));
            statements("batch ingest");
        }
        if (phase("single")) {
            var single = singles(10_000, 8);
            out.add(line("single events, 8 clients", single, 1, "events") + "   [target >= 1,000/s]");
            out.add(drain("single events"));
            statements("single events");
        }
        if (phase("otlp")) {
            var spans = otlp(30, 4);
            out.add(line("OTLP protobuf, 1,000 spans a call, 4 clients", spans, 1_000, "spans")
                    + "   [target >= 10,000 spans/s]");
            out.add(drain("OTLP"));
            statements("OTLP");
        }
        if (phase("authorize")) {
            var stalls = new Stalls();
            var checkpointsBefore = checkpoints();
            var allowed = authorize(300, 30);
            stalls.close();
            var checkpointsDuring = checkpoints().minus(checkpointsBefore);
            out.add(String.format(Locale.ROOT, "authorize (allowed), constant 300 requests/s for 30 s: %,d requests, "
                    + "%d errors; p50 %.2f ms, p99 %.2f ms, max %.2f ms   [target p99 < 5 ms]", allowed.count(),
                    allowed.errors(), ms(allowed.sorted(), 0.50), ms(allowed.sorted(), 0.99),
                    allowed.sorted()[allowed.sorted().length - 1] / 1e6));
            out.add(stalls.line());
            out.add(checkpointsDuring.line());
            out.add(drain("authorize"));
            statements("authorize");
            checkpointsBefore = checkpoints();
            var floor = constantRate(300, 30, this::checkStatements);
            checkpointsDuring = checkpoints().minus(checkpointsBefore);
            out.add(String.format(Locale.ROOT, "  floor, the check's statements alone (plain JDBC on the app's pool) at "
                    + "300/s for 30 s: %d errors; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", floor.errors(),
                    ms(floor.sorted(), 0.50), ms(floor.sorted(), 0.90), ms(floor.sorted(), 0.99),
                    floor.sorted()[floor.sorted().length - 1] / 1e6));
            out.add(checkpointsDuring.line());
        }
        if (phase("feed")) {
            fillTo(1_000_000);
            try (var db = superuser()) {
                out.add("observer_events now holds " + value(db, "SELECT count(*) FROM observer_events") + " rows");
            }
            feed(1_000); // the feed's own warm-up: no other phase reads it
            var feed = feed(2_000);
            out.add(String.format(Locale.ROOT, "owner's feed page of 50 at 1,000,000 events, over HTTP: %,d pages; "
                    + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms   [target p95 < 5 ms]", feed.count(),
                    ms(feed.sorted(), 0.50), ms(feed.sorted(), 0.95), ms(feed.sorted(), 0.99)));
        }

        System.out.println();
        out.forEach(System.out::println);
    }

    /** README, "The JVM": the flags the figures need; a later Java has no sweeper (its flag is absent). */
    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
        } catch (IllegalArgumentException absent) {
            return "absent";
        }
    }

    /** An active agent with a key, and its owner: the rows the API would make, made through the API. */
    private void setUp() throws Exception {
        owner = post("/dev/token", null, Map.of("sub", "bench-owner", "email", "bench@example.test")).get("access_token")
                .asString();
        agent = post("/api/agents", owner, Map.of("name", "Bench")).get("id").asString();
        try (var db = superuser(); var st = db.createStatement()) {
            st.execute("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = '" + agent + "'");
        }
        key = post("/api/agents/" + agent + "/keys", owner, Map.of("name", "bench")).get("key").asString();
    }

    private Result batches(int calls, int clients) throws Exception {
        var next = new AtomicInteger();
        return closedLoop(calls, clients, () -> {
            var events = new ArrayList<Map<String, Object>>(1_000);
            int call = next.getAndIncrement();
            for (int i = 0; i < 1_000; i++) {
                events.add(Map.of("eventType", "tool.call", "severity", i % 50 == 0 ? "warning" : "info",
                        "title", "step " + i, "outcome", i % 20 == 0 ? "failure" : "success",
                        "payload", Map.of("tool", "search", "i", i), "idempotencyKey",
                        "b-" + UUID.randomUUID() + "-" + call + "-" + i));
            }
            return send("/api/runtime/events/batch", key, json.writeValueAsBytes(Map.of("events", events)),
                    "application/json");
        });
    }

    private Result singles(int calls, int clients) throws Exception {
        return closedLoop(calls, clients, () -> send("/api/runtime/events", key, json.writeValueAsBytes(Map.of(
                "eventType", "agent.step", "title", "one step", "outcome", "success", "idempotencyKey",
                UUID.randomUUID().toString())), "application/json"));
    }

    private Result otlp(int calls, int clients) throws Exception {
        return closedLoop(calls, clients, () -> {
            var scope = ScopeSpans.newBuilder();
            var trace = ByteString.copyFrom(random(16));
            long now = System.currentTimeMillis() * 1_000_000L;
            for (int i = 0; i < 1_000; i++) {
                scope.addSpans(Span.newBuilder().setTraceId(trace).setSpanId(ByteString.copyFrom(random(8)))
                        .setName("execute_tool search").setStartTimeUnixNano(now).setEndTimeUnixNano(now + 1_000_000)
                        .addAttributes(attribute("gen_ai.operation.name", "execute_tool"))
                        .addAttributes(attribute("gen_ai.tool.name", "search")));
            }
            var request = ExportTraceServiceRequest.newBuilder()
                    .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope)).build();
            return send("/v1/traces", key, request.toByteArray(), "application/x-protobuf");
        });
    }

    private Result authorize(int perSecond, int seconds) throws Exception {
        var body = json.writeValueAsBytes(Map.of("action", "read the weather", "riskLevel", 0));
        return constantRate(perSecond, seconds, () -> send("/api/runtime/authorize", key, body, "application/json"));
    }

    /** Calls started on a fixed schedule, each timed from when it was due; a status other than 200 is an error. */
    private Result constantRate(int perSecond, int seconds, Callable<Integer> call) throws Exception {
        int total = perSecond * seconds;
        var latencies = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        var pool = Executors.newFixedThreadPool(32);
        long start = System.nanoTime() + 10_000_000L;
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            pool.submit(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (call.call() != 200) {
                    errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - due);
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        closeConnections();
        var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(total, seconds, sorted, errors.get());
    }

    /**
     * An allowed check's database work without the app: the key's definer call, then one transaction with the
     * actor's settings, the agent's row and the log entry (its live message, to the built-in server the app runs
     * here, writes no publication). The floor under the check's latency on this machine.
     */
    private int checkStatements() throws Exception {
        var hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        try (var c = pool.getConnection()) {
            UUID agentId;
            try (var st = c.prepareStatement("SELECT authenticate_agent_key(?)")) {
                st.setBytes(1, hash);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    agentId = rs.getObject(1, UUID.class);
                }
            }
            c.setAutoCommit(false);
            try (var settings = c.prepareStatement("SELECT set_config('app.current_user_id', '', true), "
                    + "set_config('app.current_user_is_admin', '', true), set_config('app.current_agent_id', ?, true)");
                    var row = c.prepareStatement("SELECT id, owner_id, name, status, trust_score, config, metadata "
                            + "FROM agents WHERE id = ?");
                    var entry = c.prepareStatement("""
                            INSERT INTO observer_events (source_event_id, event_type, category, severity, subject_type,
                                                         subject_id, actor_type, actor_id, title, description, payload,
                                                         anomaly_score, flagged)
                            VALUES (?, 'runtime.authorization', 'agent_action', 'info', 'agent', ?, 'agent', ?,
                                    'Bench asked to read the weather (L0): allow', 'within its own level', ?::jsonb,
                                    0, false)
                            ON CONFLICT DO NOTHING
                            RETURNING id, sequence, created_at""")) {
                settings.setString(1, agentId.toString());
                settings.execute();
                row.setObject(1, agentId);
                row.executeQuery().close();
                entry.setObject(1, UUID.randomUUID());
                entry.setObject(2, agentId);
                entry.setObject(3, agentId);
                entry.setString(4, "{\"action\": \"read the weather\", \"riskLevel\": 0, \"answer\": \"allow\"}");
                entry.executeQuery().close();
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
        return 200;
    }

    private Result feed(int pages) throws Exception {
        return closedLoop(pages, 1, () -> {
            var c = connection.get();
            return c.exchange(c.request("GET", "/api/observer/events?limit=50", Map.of("Authorization",
                    "Bearer " + owner), null));
        });
    }

    /** The log filled as a year of reports would leave it: the agent's own, plus other agents' public ones. */
    private void fillTo(int events) throws SQLException {
        System.out.println("filling observer_events to " + events + "...");
        try (var db = superuser(); var st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE others AS SELECT gen_random_uuid() AS id, p.id AS owner FROM "
                    + "(SELECT id FROM profiles LIMIT 1) p, generate_series(1, 200)");
            st.execute("INSERT INTO agents (id, owner_id, name, status) SELECT id, owner, 'other', 'active' FROM others");
            long have = Long.parseLong(value(db, "SELECT count(*) FROM observer_events"));
            long missing = Math.max(0, events - have);
            st.execute("""
                    INSERT INTO observer_events (event_type, category, severity, subject_type, subject_id, actor_type,
                                                 actor_id, title, payload, outcome)
                    SELECT 'tool.call', 'agent_action', CASE WHEN g %% 10 = 0 THEN 'error' ELSE 'info' END::event_severity,
                           'agent', CASE WHEN g %% 4 = 0 THEN '%1$s'::uuid ELSE o.id END, 'agent',
                           CASE WHEN g %% 4 = 0 THEN '%1$s'::uuid ELSE o.id END, 'step ' || g, '{"i": 1}', 'success'
                      FROM generate_series(1, %2$d) g
                      JOIN (SELECT id, row_number() OVER () - 1 AS n FROM others) o ON o.n = g %% 200""".formatted(agent,
                    missing));
            // As a year of reports would find it: vacuumed and checkpointed long since, not amid the aftermath of one
            // statement that wrote a million rows (hint bits to set on every page read, a checkpoint writing them).
            st.execute("VACUUM (ANALYZE) observer_events");
            st.execute("CHECKPOINT");
        }
    }

    /**
     * Waits until the listeners have finished what the phase published (observer records, realtime messages, truth
     * records), so that one phase's backlog does not land in the next one's figures; says how long that took. The
     * built-in Pusher server's live messages are no publications: for them, until the listeners' executor is idle.
     */
    private String drain(String phase) throws Exception {
        long start = System.nanoTime();
        long left;
        try (var db = superuser()) {
            left = Long.parseLong(value(db, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"));
            long waiting = left;
            while ((waiting > 0 || listenersBusy()) && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
                Thread.sleep(100);
                waiting = Long.parseLong(value(db, "SELECT count(*) FROM event_publication "
                        + "WHERE completion_date IS NULL"));
            }
            if (waiting > 0) {
                return String.format(Locale.ROOT, "  after %s: %,d event publications incomplete, %,d still after 5 min",
                        phase, left, waiting);
            }
        }
        return String.format(Locale.ROOT, "  after %s: %,d event publications incomplete at the end, all delivered "
                + "%.1f s later", phase, left, (System.nanoTime() - start) / 1e9);
    }

    private boolean listenersBusy() {
        return listeners.getActiveCount() > 0 || !listeners.getThreadPoolExecutor().getQueue().isEmpty();
    }

    private static boolean phase(String name) {
        return PHASES.contains(name);
    }

    private void statementsReset() throws SQLException {
        if (STATEMENTS > 0) {
            try (var db = superuser(); var st = db.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                st.execute("SELECT pg_stat_statements_reset()");
            }
        }
    }

    /** What the database spent the phase on, most first; then counts afresh for the next phase. */
    private void statements(String phase) throws SQLException {
        if (STATEMENTS == 0) {
            return;
        }
        System.out.println("database time during " + phase + ":");
        try (var db = superuser(); var st = db.prepareStatement("""
                SELECT round(total_exec_time::numeric, 1), calls, round((total_exec_time / calls)::numeric, 3),
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 150)
                  FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ?""")) {
            st.setInt(1, STATEMENTS);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "  %10s ms %8d calls %8s ms each  %s%n", rs.getString(1),
                            rs.getLong(2), rs.getString(3), rs.getString(4));
                }
            }
        }
        statementsReset();
    }

    private Result closedLoop(int calls, int clients, Callable<Integer> call) throws Exception {
        var latencies = new long[calls];
        var next = new AtomicInteger();
        var errors = new AtomicLong();
        var pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        var workers = new ArrayList<java.util.concurrent.Future<?>>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < calls;) {
                    long t = System.nanoTime();
                    int status = call.call();
                    latencies[i] = System.nanoTime() - t;
                    if (status >= 300) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (var worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        closeConnections();
        Arrays.sort(latencies);
        if (errors.get() > 0) {
            throw new AssertionError(errors.get() + " of " + calls + " calls failed");
        }
        return new Result(calls, seconds, latencies, 0);
    }

    private int send(String path, String bearer, byte[] body, String contentType) throws Exception {
        var c = connection.get();
        return c.exchange(c.request("POST", path, Map.of("Authorization", "Bearer " + bearer, "Content-Type",
                contentType), body));
    }

    /**
     * The JDK's {@code HttpClient} hands every exchange between its selector thread and an executor: on two cores
     * shared with the app it cost about a millisecond of CPU a request (the proof's driver measured 20-45 % of a
     * core at 300 requests/s), time the figures then counted as the app's.
     */
    private LoadBenchmark.Connection open() {
        var c = new LoadBenchmark.Connection(base);
        opened.add(c);
        return c;
    }

    /** After a phase: its client threads are gone, their connections with them. */
    private void closeConnections() {
        for (LoadBenchmark.Connection c; (c = opened.poll()) != null;) {
            c.close();
        }
    }

    private tools.jackson.databind.JsonNode post(String path, String bearer, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return json.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static byte[] random(int n) {
        var uuid = UUID.randomUUID();
        return Arrays.copyOf(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array(), n);
    }

    private record Result(long count, double seconds, long[] sorted, long errors) {
    }

    /**
     * How often this JVM stood still during a phase: a thread of its own sleeps 1 ms at a time and counts the times it
     * woke more than 5 ms late. Nothing of the app runs on it, so what it sees (a GC pause, or the machine's own stall:
     * README, "The JVM") delayed every request in flight too: a floor under the phase's tail.
     */
    /**
     * The server's checkpoints so far and the pages they wrote: a checkpoint in a phase writes pages beside the WAL's
     * flushes, and after it every page's first change goes to the WAL whole, so that phase's commits flush more.
     */
    private Checkpoints checkpoints() throws SQLException {
        try (var db = superuser()) {
            var sql = db.getMetaData().getDatabaseMajorVersion() >= 17
                    ? "SELECT num_timed + num_requested, buffers_written FROM pg_stat_checkpointer"
                    : "SELECT checkpoints_timed + checkpoints_req, buffers_checkpoint FROM pg_stat_bgwriter";
            try (var st = db.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return new Checkpoints(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private record Checkpoints(long begun, long pagesWritten) {

        Checkpoints minus(Checkpoints before) {
            return new Checkpoints(begun - before.begun, pagesWritten - before.pagesWritten);
        }

        String line() {
            return String.format(Locale.ROOT, "  meanwhile the database began %d checkpoints (timed ones count even "
                    + "when skipped), which wrote %,d pages", begun, pagesWritten);
        }
    }

    private static final class Stalls {
        private final Thread thread = new Thread(this::watch, "stall-watch");
        private volatile boolean running = true;
        private int count;
        private long longest;

        Stalls() {
            thread.setDaemon(true);
            thread.start();
        }

        private void watch() {
            long last = System.nanoTime();
            while (running) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException stop) {
                    return;
                }
                long now = System.nanoTime();
                long late = now - last - 1_000_000L;
                if (late > 5_000_000L) {
                    count++;
                    longest = Math.max(longest, late);
                }
                last = now;
            }
        }

        void close() throws InterruptedException {
            running = false;
            thread.join(); // count and longest are read after this, as join orders them
        }

        String line() {
            return String.format(Locale.ROOT, "  meanwhile this JVM stood still for more than 5 ms %d times (a thread "
                    + "asleep for 1 ms woke that late), longest %.1f ms", count, longest / 1e6);
        }
    }

    private static String line(String what, Result r, int perCall, String unit) {
        return String.format(Locale.ROOT, "%s: %,d calls in %.2f s = %,.0f %s/s; p50 %.2f ms, p99 %.2f ms", what,
                r.count(), r.seconds(), r.count() * perCall / r.seconds(), unit, ms(r.sorted(), 0.50),
                ms(r.sorted(), 0.99));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
