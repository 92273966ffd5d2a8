package com.agentanchor.bench;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.agentanchor.AgentAnchorApplication;
import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.TruthChainAudit;
import com.agentanchor.truthchain.application.port.in.TruthRecording;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Subject;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Truth chain figures, printed in one run (not a timed test). Starts a PostgreSQL of its own (zonky's embedded
 * binaries, with fsync and synchronous commits on) and the whole app on it, then: appends through the module's API ({@link TruthRecording}, the port every listener calls; there is no HTTP
 * append by design) with 8 concurrent writers; single-record verification through HTTP; whole-chain verification
 * of 100k records through HTTP (every link and every signature); the same records checked against the signed
 * checkpoint (links and Merkle root, no per-record signatures); and the origin's plpgsql
 * {@code verify_truth_chain_integrity()}, reproduced in a scratch schema, over the same 100k rows.
 * <p>
 * {@code ./mvnw -q -B -pl app test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.agentanchor.bench.TruthChainBenchmark} (after an install), or see the README for the
 * variant without one. Optional arguments: total records (100000), measured appends (20000).
 */
public final class TruthChainBenchmark {

    static final int WRITERS = 8;

    private final ConfigurableApplicationContext app;
    private final TruthRecording truth;
    private final TruthChainAudit audit;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    private TruthChainBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
        this.truth = app.getBean(TruthRecording.class);
        this.audit = app.getBean(TruthChainAudit.class);
        this.base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        // A PostgreSQL of its own, started like the app's embedded default but durable: zonky starts the server with
        // -F (fsync off) and synchronous_commit=off; here both are on, as on a production server.
        var postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
        int status = 0;
        try (postgres) {
            var app = new SpringApplicationBuilder(AgentAnchorApplication.class).run("--server.port=0",
                    "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                    "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--agentanchor.db.app-password=" + UUID.randomUUID(),
                    // its own PostgreSQL looks external to the app: development tokens must be asked for
                    "--agentanchor.auth.dev-tokens=true");
            try {
                new TruthChainBenchmark(app).run(total, measured);
            } finally {
                app.close();
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run(int total, int measured) throws Exception {
        var out = new ArrayList<String>();
        try (var owner = owner()) {
            out.add(String.format("Truth chain benchmark: %d cores, Java %s, %s (embedded, fsync=%s, "
                    + "synchronous_commit=%s)", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), value(owner, "SELECT split_part(version(), ' on ', 1)"),
                    value(owner, "SHOW fsync"), value(owner, "SHOW synchronous_commit")));
        }

        System.out.println("warming up...");
        appends(2_000);
        long before = length();
        var durable = appends(measured);
        out.add(line("appends, %d writers, TruthRecording port (group commit), durable commits", durable)
                + "   [target >= 2,000/s, p99 < 20 ms]");

        // For comparison: as the app's zero-setup embedded default runs (commits not waited for).
        setSynchronousCommit("off");
        var relaxed = appends(measured / 2);
        setSynchronousCommit(null);
        out.add(line("appends, same, synchronous_commit=off (the zero-setup default)", relaxed));

        System.out.println("filling to " + total + " records...");
        long missing = total - length();
        if (missing > 0) {
            appends((int) missing);
        }
        long length = length();
        if (length != total) {
            throw new AssertionError("expected " + total + " records, have " + length);
        }
        if (length - before < measured) {
            throw new AssertionError("measured appends missing");
        }

        long t0 = System.nanoTime();
        var head = get("/api/truth-chain/head");
        long headMillis = (System.nanoTime() - t0) / 1_000_000;
        require(head.get("sequence").asLong() == total && head.get("problem").isNull(), "head " + head);
        out.add(String.format(Locale.ROOT, "first GET /head (verifies all %,d records, links and signatures, into "
                + "the Merkle tree, then signs a checkpoint): %,d ms", total, headMillis));

        // Single-record verification through HTTP, one client, after a warm-up (the JIT, the connection pool).
        for (int i = 0; i < 3_000; i++) {
            get("/api/truth-chain/records/" + (1 + ThreadLocalRandom.current().nextLong(total)));
        }
        var single = new long[5_000];
        for (int i = 0; i < single.length; i++) {
            long s = System.nanoTime();
            var record = get("/api/truth-chain/records/" + (1 + ThreadLocalRandom.current().nextLong(total)));
            single[i] = System.nanoTime() - s;
            require(record.get("verified").asBoolean(), "record " + record);
        }
        Arrays.sort(single);
        out.add(String.format(Locale.ROOT, "single-record verification, GET /records/{n}, 1 client: p50 %.2f ms, p99 "
                + "%.2f ms, p99.9 %.2f ms, max %.2f ms (%,d requests)   [target p99 < 5 ms]", ms(single, 0.50),
                ms(single, 0.99), ms(single, 0.999), single[single.length - 1] / 1e6, single.length));

        // Whole chain, every hash, link, signature and column, through HTTP: one warm-up run, then the median of 5.
        var full = median(RUNS, () -> {
            var verify = get("/api/truth-chain/verify?from=1&to=" + total);
            require(verify.get("intact").asBoolean() && verify.get("verified").asLong() == total, "verify " + verify);
        }, total);
        out.add(String.format(Locale.ROOT, "whole chain, every link and signature, GET /verify?from=1&to=%d: median "
                + "%,.0f records/s (runs: %s)   [target >= 20,000/s]", total, full.get(RUNS / 2), rates(full)));

        // Against the signed checkpoint: links and Merkle root, no per-record signatures.
        var links = median(RUNS, () -> {
            var check = audit.verifyAgainstLatestCheckpoint();
            require(check.intact() && check.rootMatches() && check.treeSize() == total, "checkpoint " + check);
        }, total);
        out.add(String.format(Locale.ROOT, "whole chain, every link against the signed checkpoint (Merkle root), "
                + "TruthChainAudit port: median %,.0f records/s (runs: %s)", links.get(RUNS / 2), rates(links)));

        // The origin's verify_truth_chain_integrity(), over the same rows.
        List<Double> origin;
        try (var owner = owner()) {
            OriginSchema.create(owner);
            origin = median(RUNS, () -> {
                long valid = Long.parseLong(value(owner,
                        "SELECT count(*) FILTER (WHERE is_valid) FROM origin_bench.verify_truth_chain_integrity()"));
                require(valid == total, "origin found " + valid + " valid rows");
            }, total);
            OriginSchema.drop(owner);
        }
        out.add(String.format(Locale.ROOT, "origin verify_truth_chain_integrity() (plpgsql, payload-only hash, no "
                + "signatures), same %,d rows: median %,.0f rows/s (runs: %s)", total, origin.get(RUNS / 2),
                rates(origin)));
        out.add(String.format(Locale.ROOT, "ratio to the origin: links against checkpoint %.2fx   [target >= 1.5x]; "
                + "every link and signature %.2fx", links.get(RUNS / 2) / origin.get(RUNS / 2),
                full.get(RUNS / 2) / origin.get(RUNS / 2)));

        System.out.println();
        out.forEach(System.out::println);
    }

    /** For the app role's new connections; {@code null} resets it. */
    private void setSynchronousCommit(String value) throws SQLException {
        try (var owner = owner(); var s = owner.createStatement()) {
            s.execute(value == null ? "ALTER ROLE agentanchor_app RESET synchronous_commit"
                    : "ALTER ROLE agentanchor_app SET synchronous_commit = " + value);
        }
        ((HikariDataSource) app.getBean(DataSource.class)).getHikariPoolMXBean().softEvictConnections();
    }

    static final int RUNS = 5;

    interface Run {
        void run() throws Exception;
    }

    /** One warm-up run, then {@code runs} timed ones: their rates (records/s), sorted. */
    private static List<Double> median(int runs, Run run, int records) throws Exception {
        run.run();
        var rates = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            rates.add(records / ((System.nanoTime() - start) / 1e9));
        }
        rates.sort(null);
        return rates;
    }

    /** {@code count} appends by 8 writers; every call timed. */
    private Result appends(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        var next = new AtomicLong();
        var latencies = new long[count];
        try {
            var writers = new ArrayList<Callable<Void>>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(() -> {
                    for (long i; (i = next.getAndIncrement()) < count; ) {
                        var record = new NewTruth(UUID.randomUUID(), RecordType.values()[(int) (i % 7)],
                                Subject.agent(UUID.randomUUID()), Actor.user(UUID.randomUUID()),
                                Map.of("writer", writer, "i", i, "note", "benchmark record", "score", 100 + i % 900));
                        long s = System.nanoTime();
                        truth.record(record);
                        latencies[(int) i] = System.nanoTime() - s;
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (var done : pool.invokeAll(writers)) {
                done.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            return new Result(count, seconds, latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Result(int count, double seconds, long[] sorted) {
    }

    private static String line(String what, Result r) {
        return String.format(Locale.ROOT, "%s: %,d in %.2f s = %,.0f appends/s; p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                what.formatted(WRITERS), r.count, r.seconds, r.count / r.seconds, ms(r.sorted, 0.50),
                ms(r.sorted, 0.99), r.sorted[r.sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String rates(List<Double> rates) {
        return String.join(", ", rates.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList());
    }

    private long length() throws SQLException {
        try (var owner = owner()) {
            return Long.parseLong(value(owner, "SELECT coalesce(max(sequence_number), 0) FROM truth_chain"));
        }
    }

    /**
     * A plain blocking GET (HttpURLConnection keeps the connection alive): the client should add as little of its
     * own latency as it can; java.net.http hands each request between threads.
     */
    private JsonNode get(String path) throws Exception {
        var connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        int status = connection.getResponseCode();
        try (var in = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new AssertionError(path + " -> " + status + " " + body);
            }
            return json.readTree(body);
        }
    }

    private Connection owner() throws SQLException {
        var env = app.getEnvironment();
        return DriverManager.getConnection(env.getRequiredProperty("spring.liquibase.url"),
                env.getRequiredProperty("spring.liquibase.user"), env.getProperty("spring.liquibase.password", ""));
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
