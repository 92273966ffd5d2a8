import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The proof's load driver (issue 15, part 10): an open-loop, constant-rate HTTP driver, JDK only, run as a single
 * source file ({@code java proof/LoadDriver.java --base http://127.0.0.1:PORT [options]}).
 *
 * <p>Why not Debian's {@code wrk}: it is a closed loop (a connection sends its next request only when the previous
 * one answered), so a stalled server is asked less and the stall is measured once instead of against every request
 * it delays (coordinated omission); the constant-rate {@code -R} is wrk2's, which Debian does not package, and a Lua
 * script cannot pace requests inside wrk's event loop. Here request {@code i} is due at {@code start + i / rate}
 * whatever happened before it, a worker sends it as soon as one is free, and its latency runs from that due time.
 *
 * <p>Setup, through the API as a user would: development tokens ({@code POST /dev/token}) for an owner, a validator
 * whom the local default's {@code dev-admin} seats on the council, and that admin; the owner registers {@code
 * --agents} agents, the validator graduates each through the academy (five modules, the examination: active,
 * Provisional), and the owner gives each a key. The load is then real tokens under RLS: the owner's {@code GET
 * /api/agents?size=20}, an agent's {@code POST /api/runtime/events} (its own key, a fresh idempotency key each) and an
 * agent's {@code POST /api/runtime/authorize} (risk 0: allowed, logged by the observer), the agents taken in turn.
 *
 * <p>Prints {@code ROW<TAB>what<TAB>figure<TAB>target<TAB>PASS|FAIL} lines (proof/run.sh collects them) and
 * everything else for the log. Options: {@code --label TEXT} (prefix of each row), {@code --rate N} (300),
 * {@code --seconds N} (60), {@code --warmup N} (60), {@code --agents N} (8), {@code --ramp} (then, per endpoint
 * alone, after a pause of {@code --settle-seconds N} (30), 10 s steps up a ladder of rates from 50 req/s until p99
 * reaches 50 ms or a request fails), {@code --step-seconds N} (10), {@code --why-short TEXT} (said in every row
 * that misses its target: where the reason is written).
 */
public final class LoadDriver {

    private static final double P95_TARGET_MS = 20;
    private static final double RAMP_P99_MS = 50;
    private static final int[] LADDER = {50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 4000};

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    enum Kind {
        LIST("GET /api/agents?size=20"), EVENT("POST /api/runtime/events"), AUTHORIZE("POST /api/runtime/authorize");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Result(long requests, long errors, double p50, double p95, double p99, double max, String firstError) {
        String figure() {
            return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (max %.1f), %,d requests, %d errors",
                    p50, p95, p99, max, requests, errors);
        }
    }

    private final String base;
    private final Wire setup;
    private final String whyShort;
    private final String run = HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
            (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
    private String ownerToken;
    private final List<String> keys = new ArrayList<>();
    private final AtomicLong eventNumber = new AtomicLong();

    LoadDriver(String base, String whyShort) {
        this.base = base;
        this.setup = new Wire(URI.create(base));
        this.whyShort = whyShort;
    }

    public static void main(String[] args) throws Exception {
        String base = null;
        String label = "";
        int rate = 300;
        int seconds = 60;
        int warmup = 60;
        int agents = 8;
        int step = 10;
        int settle = 30;
        boolean ramp = false;
        String whyShort = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--label" -> label = args[++i] + ": ";
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--agents" -> agents = Integer.parseInt(args[++i]);
                case "--step-seconds" -> step = Integer.parseInt(args[++i]);
                case "--settle-seconds" -> settle = Integer.parseInt(args[++i]);
                case "--ramp" -> ramp = true;
                case "--why-short" -> whyShort = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (base == null) {
            throw new IllegalArgumentException("--base http://host:port is required");
        }
        var driver = new LoadDriver(base, whyShort);
        driver.setUp(agents);
        var mixed = Kind.values();
        if (warmup > 0) {
            driver.warmUp(mixed, rate, warmup, settle);
        }
        var steady = driver.drive(mixed, rate, seconds);
        var all = steady[mixed.length];
        var what = String.format(Locale.ROOT, "%ssteady %d req/s for %d s, the three requests in turn", label, rate,
                seconds);
        driver.row(what, all.figure(), "p95 < 20 ms, 0 errors", all.p95 < P95_TARGET_MS && all.errors == 0);
        for (var kind : mixed) {
            var r = steady[kind.ordinal()];
            driver.row(String.format(Locale.ROOT, "%s  of which %s (%d req/s)", label, kind.label, rate / mixed.length),
                    r.figure(), "p95 < 20 ms, 0 errors", r.p95 < P95_TARGET_MS && r.errors == 0);
            if (r.firstError != null) {
                System.out.println("first error of " + kind.label + ": " + r.firstError);
            }
        }
        if (ramp) {
            for (var kind : mixed) {
                driver.ramp(label, kind, step, settle);
            }
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ setup

    private void setUp(int agents) throws Exception {
        ownerToken = token("proof-owner-" + run, "Proof Owner");
        var validator = token("proof-validator-" + run, "Proof Validator");
        var admin = token("dev-admin", "Admin");
        var validatorId = id(call("GET", "/api/profiles/me", validator, null, 200));
        call("POST", "/api/council/validators", admin, "{\"profileId\":\"" + validatorId + "\"}", 201);
        for (int a = 0; a < agents; a++) {
            var agent = id(call("POST", "/api/agents", ownerToken, "{\"name\":\"Proof agent " + a + "\","
                    + "\"description\":\"driven by the proof's load\"}", 201));
            var enrollment = id(call("POST", "/api/academy/enrollments", ownerToken,
                    "{\"agentId\":\"" + agent + "\"}", 201));
            for (int module = 1; module <= 5; module++) {
                call("POST", "/api/academy/enrollments/" + enrollment + "/modules/" + module + "/results", validator,
                        "{\"score\":90,\"notes\":\"proof\"}", 200, 201);
            }
            call("POST", "/api/academy/enrollments/" + enrollment + "/examination", ownerToken, null, 200, 201);
            call("POST", "/api/academy/enrollments/" + enrollment + "/grades", validator, "{\"score\":85}", 200, 201);
            var key = call("POST", "/api/agents/" + agent + "/keys", ownerToken, "{\"name\":\"proof\"}", 201);
            var m = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(key);
            if (!m.find()) {
                throw new IllegalStateException("no key in " + key);
            }
            keys.add(m.group(1));
        }
        System.out.printf("setup: run %s, owner and validator tokens, %d agents graduated (active), one key each%n",
                run, agents);
    }

    private String token(String sub, String name) throws Exception {
        var body = call("POST", "/dev/token", null, "{\"sub\":\"" + sub + "\",\"email\":\"" + sub
                + "@example.com\",\"name\":\"" + name + "\"}", 200);
        var m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token in " + body);
        }
        return m.group(1);
    }

    private static String id(String body) {
        var m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    private String call(String method, String path, String bearer, String body, int... expected) throws Exception {
        var response = setup.exchange(Wire.request(method, path, bearer, body));
        if (Arrays.stream(expected).noneMatch(s -> s == response.status())) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": "
                    + response.body());
        }
        return response.body();
    }

    // ------------------------------------------------------------------------------------------------ the load

    /** The request's bytes as they go on the wire: HTTP/1.1, kept alive. */
    private byte[] request(Kind kind, long i) {
        var key = keys.get((int) (i % keys.size()));
        return switch (kind) {
            case LIST -> Wire.request("GET", "/api/agents?size=20", ownerToken, null);
            case EVENT -> Wire.request("POST", "/api/runtime/events", key, "{\"eventType\":\"tool.search\","
                    + "\"severity\":\"info\",\"title\":\"Searched the web\",\"payload\":{\"query\":\"pgbouncer\"},"
                    + "\"idempotencyKey\":\"proof-" + run + "-" + eventNumber.incrementAndGet() + "\"}");
            case AUTHORIZE -> Wire.request("POST", "/api/runtime/authorize", key,
                    "{\"action\":\"read the weather\",\"riskLevel\":0,\"context\":{}}");
        };
    }

    /**
     * Per kind, then (last) all of them together. Request i (of kind {@code kinds[i % n]}) is due at start + i / rate; workers take due requests from a queue,
     * and a request's latency runs from its due time to its answer, so time spent waiting for a worker or a stalled
     * server counts. A non-2xx answer or a failure is an error.
     */
    Result[] drive(Kind[] kinds, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        var due = new long[total];
        var latencies = new long[total];
        var errors = new AtomicLong[kinds.length];
        var firstError = new ArrayList<AtomicReference<String>>();
        for (int k = 0; k < kinds.length; k++) {
            errors[k] = new AtomicLong();
            firstError.add(new AtomicReference<>());
        }
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(total + 256);
        int workers = Math.max(64, Math.min(256, rate / 10));
        var threads = new ArrayList<Thread>();
        for (int w = 0; w < workers; w++) {
            var thread = new Thread(() -> {
                try (var wire = new Wire(URI.create(base))) {
                    for (int i = queue.take(); i >= 0; i = queue.take()) {
                        int k = i % kinds.length;
                        String error = null;
                        try {
                            var response = wire.exchange(request(kinds[k], i));
                            if (response.status() / 100 != 2) {
                                error = response.status() + " " + response.body();
                            }
                        } catch (IOException | RuntimeException e) {
                            error = e.toString();
                        }
                        latencies[i] = System.nanoTime() - due[i];
                        if (error != null) {
                            errors[k].incrementAndGet();
                            firstError.get(k).compareAndSet(null, error);
                        }
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            due[i] = start + (long) i * TimeUnit.SECONDS.toNanos(1) / rate;
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
        var results = new Result[kinds.length + 1];
        var everything = latencies.clone();
        Arrays.sort(everything);
        long allErrors = Arrays.stream(errors).mapToLong(AtomicLong::get).sum();
        results[kinds.length] = new Result(total, allErrors, pct(everything, 50), pct(everything, 95),
                pct(everything, 99), everything[total - 1] / 1e6, null);
        for (int k = 0; k < kinds.length; k++) {
            int kk = k;
            var mine = java.util.stream.IntStream.range(0, total).filter(i -> i % kinds.length == kk)
                    .mapToLong(i -> latencies[i]).sorted().toArray();
            results[k] = new Result(mine.length, errors[k].get(), pct(mine, 50), pct(mine, 95), pct(mine, 99),
                    mine.length == 0 ? 0 : mine[mine.length - 1] / 1e6, firstError.get(k).get());
        }
        return results;
    }

    /**
     * Not measured: the rate climbs in four equal steps to the measured one, then the app gets {@code settle} seconds
     * to finish what its listeners still hold. At once at the full rate, a JVM that has not compiled its hot paths yet
     * falls behind, and the steady run measured that backlog (its requests' own server time was a few milliseconds).
     */
    void warmUp(Kind[] kinds, int rate, int seconds, int settle) throws Exception {
        for (int step = 1; step <= 4; step++) {
            int stepRate = Math.max(kinds.length, rate * step / 4);
            System.out.printf(Locale.ROOT, "warm-up: %d req/s for %d s, not measured%n", stepRate, seconds / 4);
            drive(kinds, stepRate, Math.max(1, seconds / 4));
        }
        System.out.printf("warm-up: %d s pause%n", settle);
        Thread.sleep(settle * 1000L);
    }

    /**
     * Up the ladder from 50 req/s, 10 s a step, one endpoint alone, until a step fails. Upwards, so that a step
     * carries over only what a sustainable step left to the app's listeners, never the backlog of an overload; and
     * after a pause of {@code settle} seconds, for what the steps before left.
     */
    void ramp(String label, Kind kind, int step, int settle) throws Exception {
        Kind[] one = {kind};
        int best = 0;
        Result bestResult = null;
        String stoppedAt = "the ladder's top";
        System.out.printf("ramp %s: %d s pause first%n", kind.label, settle);
        Thread.sleep(settle * 1000L);
        for (int rate : LADDER) {
            var r = drive(one, rate, step)[0];
            System.out.printf(Locale.ROOT, "ramp %s at %d req/s: %s%n", kind.label, rate, r.figure());
            if (r.p99 >= RAMP_P99_MS || r.errors > 0) {
                stoppedAt = String.format(Locale.ROOT, "%,d req/s: p99 %.1f ms, %d errors", rate, r.p99, r.errors);
                break;
            }
            best = rate;
            bestResult = r;
        }
        var figure = best == 0 ? "none from " + LADDER[0] + " req/s up (" + stoppedAt + ")"
                : String.format(Locale.ROOT, "%,d req/s (p99 %.1f ms); next step %s", best, bestResult.p99, stoppedAt);
        row(String.format(Locale.ROOT, "%shighest rate %s alone sustains with p99 < 50 ms (%d s steps)", label,
                kind.label, step), figure, "p99 < 50 ms at >= 300 req/s", best >= 300);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    /**
     * One kept-alive HTTP/1.1 connection, blocking, per worker: a request's bytes out, its answer read whole
     * (Content-Length or chunked). The JDK's {@code HttpClient} took 20 to 45 % of a core at 300 req/s on the two cores
     * the app and its database share (its selector thread and futures hand every exchange between threads); this
     * takes a fraction of that, so the measured latency is more the app's and less the driver's.
     */
    static final class Wire implements AutoCloseable {
        record Response(int status, String body) {
        }

        private final URI base;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Wire(URI base) {
            this.base = base;
        }

        static byte[] request(String method, String path, String bearer, String body) {
            var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            var head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n")
                    + "\r\n";
            var head8 = head.getBytes(StandardCharsets.US_ASCII);
            var all = Arrays.copyOf(head8, head8.length + bytes.length);
            System.arraycopy(bytes, 0, all, head8.length, bytes.length);
            return all;
        }

        /** Any failure closes the connection; the next exchange opens a new one. */
        Response exchange(byte[] request) throws IOException {
            try {
                if (socket == null) {
                    socket = new Socket(base.getHost(), base.getPort());
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16_384);
                    out = socket.getOutputStream();
                }
                out.write(request);
                out.flush();
                var status = line();
                int code = Integer.parseInt(status.substring(9, 12));
                long length = -1;
                boolean chunked = false;
                boolean close = false;
                for (var header = line(); !header.isEmpty(); header = line()) {
                    var lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).strip());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    }
                }
                var body = new ByteArrayOutputStream();
                if (chunked) {
                    for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                            size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                        body.write(in.readNBytes((int) size));
                        line();
                    }
                    while (!line().isEmpty()) {
                        // trailers
                    }
                } else if (length >= 0) {
                    body.write(in.readNBytes((int) length));
                } else {
                    body.write(in.readAllBytes());
                    close = true;
                }
                if (close) {
                    close();
                }
                return new Response(code, body.toString(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private String line() throws IOException {
            var line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    private void row(String what, String figure, String target, boolean pass) {
        var said = pass || whyShort == null ? figure : figure + "; " + whyShort;
        System.out.println("ROW\t" + what + "\t" + said + "\t" + target + "\t" + (pass ? "PASS" : "FAIL"));
    }
}
