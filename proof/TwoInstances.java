import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.agentanchor.pusher.LocalPusherConfig;
import com.agentanchor.pusher.LocalPusherServer;

/**
 * Part 30 of the proof: two app instances (A and B) on one database through pgbouncer, and this process as the third:
 * it runs the project's own Pusher-protocol server (the pusher-server module, the built-in server of the app), which
 * both instances reach through {@code PUSHER_HOST}, and an unmodified pusher-js client ({@code
 * proof/realtime/listen.mjs}) connected to it. Run by proof/parts/30-two-instances.sh, which starts everything else.
 *
 * <p>Tokens are HS256, signed here with the secret both instances verify ({@code AGENTANCHOR_AUTH_HS256_SECRET}):
 * each instance's development tokens would be its own. Prints ROW lines.
 */
public final class TwoInstances {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final Map<String, String> o;
    private final String a;
    private final String b;
    private final String run = HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
            (byte) ThreadLocalRandom.current().nextInt()});
    private LocalPusherServer pusher;
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private Process listener;

    TwoInstances(Map<String, String> options) {
        this.o = options;
        this.a = options.get("a");
        this.b = options.get("b");
    }

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var proof = new TwoInstances(options);
        try {
            proof.run();
        } finally {
            proof.stop();
        }
        System.exit(0);
    }

    private void startPusher() {
        pusher = LocalPusherServer.start(LocalPusherConfig.builder().appId(o.get("pusher-app-id"))
                .key(o.get("pusher-key")).secret(o.get("pusher-secret")).host("127.0.0.1")
                .wsPort(Integer.parseInt(o.get("ws-port"))).httpPort(Integer.parseInt(o.get("http-port"))).build());
    }

    /**
     * What PUSHER_HOST points at: a TCP relay to the server's HTTP API that can refuse connections while the
     * WebSocket side (and the pusher-js client on it) stays up, so "Pusher is down" for the instances only.
     */
    private volatile boolean pusherDown;
    private final Set<java.net.Socket> relayed = ConcurrentHashMap.newKeySet();

    /** Down: kept-alive connections are cut too, and new ones refused. */
    private void pusherApi(boolean up) {
        pusherDown = !up;
        if (!up) {
            relayed.forEach(socket -> {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // closing anyway
                }
            });
        }
    }

    private void startRelay() throws java.io.IOException {
        var server = new java.net.ServerSocket(Integer.parseInt(o.get("relay-port")), 50,
                java.net.InetAddress.getLoopbackAddress());
        var accept = new Thread(() -> {
            while (true) {
                try {
                    var client = server.accept();
                    if (pusherDown) {
                        client.close();
                        continue;
                    }
                    var upstream = new java.net.Socket("127.0.0.1", Integer.parseInt(o.get("http-port")));
                    relayed.add(client);
                    relayed.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (java.io.IOException e) {
                    // one connection failed; keep accepting
                }
            }
        }, "relay");
        accept.setDaemon(true);
        accept.start();
    }

    private void pipe(java.net.Socket from, java.net.Socket to) {
        var t = new Thread(() -> {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (java.io.IOException e) {
                // closed
            } finally {
                relayed.remove(from);
                relayed.remove(to);
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private void stop() {
        if (listener != null) {
            listener.destroy();
        }
        if (pusher != null) {
            pusher.close();
        }
    }

    private void run() throws Exception {
        startPusher();
        startRelay();
        System.out.println("third process: Pusher-protocol server at " + pusher.wsUrl() + ", HTTP API on port "
                + pusher.httpPort());
        var owner = token("proof-owner-" + run);
        var validator = token("proof-validator-" + run);
        var admin = token(o.get("admin"));
        var validatorId = id(call(a, "GET", "/api/profiles/me", validator, null, 200));
        call(b, "POST", "/api/council/validators", admin, "{\"profileId\":\"" + validatorId + "\"}", 201);
        // One agent's life across both instances: registered on A, trained and graduated on B, its key from A.
        var agent = id(call(a, "POST", "/api/agents", owner, "{\"name\":\"Two instances " + run + "\"}", 201));
        var enrollment = id(call(b, "POST", "/api/academy/enrollments", owner, "{\"agentId\":\"" + agent + "\"}", 201));
        for (int module = 1; module <= 5; module++) {
            call(module % 2 == 0 ? a : b, "POST", "/api/academy/enrollments/" + enrollment + "/modules/" + module
                    + "/results", validator, "{\"score\":90}", 200);
        }
        call(a, "POST", "/api/academy/enrollments/" + enrollment + "/examination", owner, null, 200);
        call(b, "POST", "/api/academy/enrollments/" + enrollment + "/grades", validator, "{\"score\":85}", 200);
        var keyBody = call(a, "POST", "/api/agents/" + agent + "/keys", owner, "{\"name\":\"proof\"}", 201);
        var m = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(keyBody);
        m.find();
        var key = m.group(1);
        System.out.println("setup: agent " + agent + " registered on A, graduated on B, its key made on A");

        listen("observer-feed", "council-feed");

        // 1. Concurrent work on both instances: agents registered (each a truth record) and reports (each a live
        //    new-event on observer-feed), interleaved across the two.
        int events = 40;
        int registrations = 20;
        var agents = ConcurrentHashMap.<String>newKeySet();
        var pool = Executors.newFixedThreadPool(8);
        var failures = new CopyOnWriteArrayList<String>();
        for (int i = 0; i < events + registrations; i++) {
            int n = i;
            pool.submit(() -> {
                var base = n % 2 == 0 ? a : b;
                try {
                    if (n < events) {
                        call(base, "POST", "/api/runtime/events", key, "{\"eventType\":\"tool.search\",\"title\":\""
                                + title(n) + "\",\"idempotencyKey\":\"two-" + run + "-" + n + "\"}", 201);
                    } else {
                        agents.add(id(call(base, "POST", "/api/agents", owner, "{\"name\":\"Concurrent " + n
                                + "\"}", 201)));
                    }
                } catch (Exception e) {
                    failures.add(e.getMessage());
                }
            });
        }
        // 2. Scheduled jobs: requests left pending expire (TTL set short on both instances); each sweeps every
        //    second, and each request must be rejected once.
        var decisions = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            decisions.add(id(call(i % 2 == 0 ? a : b, "POST", "/api/council/decisions", owner, "{\"agentId\":\""
                    + agent + "\",\"decisionType\":\"approval\",\"riskLevel\":2,\"subjectAction\":\"expire " + i
                    + "\"}", 201)));
        }
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        row("two instances: requests made on A and B concurrently (" + events + " reports, " + registrations
                + " registrations, 6 council requests)", failures.size() + " failed" + (failures.isEmpty() ? ""
                        : ": " + failures.get(0)), "0 failed", failures.isEmpty());

        var wanted = new ArrayList<String>();
        for (int i = 0; i < events; i++) {
            wanted.add(title(i));
        }
        await(() -> wanted.stream().allMatch(t -> heardTitle(t) > 0), 60);
        long fromA = java.util.stream.IntStream.range(0, events).filter(i -> i % 2 == 0 && heardTitle(title(i)) > 0)
                .count();
        long fromB = java.util.stream.IntStream.range(0, events).filter(i -> i % 2 == 1 && heardTitle(title(i)) > 0)
                .count();
        row("realtime across instances: pusher-js on the third process's server (PUSHER_HOST) hears reports made on"
                + " A and on B (new-event, observer-feed)", fromA + "/" + events / 2 + " from A, " + fromB + "/"
                        + events / 2 + " from B; " + repeats("new-event") + " repeated eventIds",
                "every one heard", fromA + fromB == events);

        await(() -> decisions.stream().allMatch(d -> {
            try {
                return call(a, "GET", "/api/council/decisions/" + d, owner, null, 200).contains("\"rejected\"");
            } catch (Exception e) {
                return false;
            }
        }), 60);
        var expired = decisions.stream().filter(d -> {
            try {
                return call(b, "GET", "/api/council/decisions/" + d, owner, null, 200).contains("\"rejected\"");
            } catch (Exception e) {
                return false;
            }
        }).count();
        var inList = "'" + String.join("','", decisions) + "'";
        var observerPerDecision = sql("SELECT count(*) FROM (SELECT subject_id, event_type FROM observer_events WHERE"
                + " subject_id IN (" + inList + ") GROUP BY 1, 2 HAVING count(*) > 1) d");
        var chainPerDecision = sql("SELECT count(*) FROM (SELECT subject_id, record_type FROM truth_chain WHERE"
                + " subject_id IN (" + inList + ") GROUP BY 1, 2 HAVING count(*) > 1) d");
        await(() -> decisions.stream().allMatch(d -> heardDecision(d) > 0), 30);
        long heardOnce = decisions.stream().filter(d -> heardDecision(d) == 1).count();
        row("scheduled job on both instances (council expiry sweep every 1 s, TTL 4 s): 6 pending requests expire",
                expired + "/6 rejected; observer events repeated per request: " + observerPerDecision
                        + "; truth records repeated per request: " + chainPerDecision + "; decision-made heard once"
                        + " (distinct eventIds) for " + heardOnce + "/6",
                "6/6, each once", expired == 6 && "0".equals(observerPerDecision) && "0".equals(chainPerDecision)
                        && heardOnce == 6);

        // 3. The truth chain after both instances appended concurrently.
        var agentList = "'" + String.join("','", agents) + "'";
        await(() -> number(sql("SELECT count(DISTINCT subject_id) FROM truth_chain WHERE subject_id IN ("
                + agentList + ")")) == agents.size(), 30);
        var perAgent = sql("SELECT count(*) || ' records for ' || count(DISTINCT subject_id) || ' agents' FROM"
                + " truth_chain WHERE subject_id IN (" + agentList + ") AND record_type::text LIKE 'agent%'");
        var forks = sql("SELECT count(*) FROM (SELECT previous_hash FROM truth_chain WHERE previous_hash IS NOT NULL"
                + " GROUP BY 1 HAVING count(*) > 1) d");
        var gaps = sql("SELECT max(sequence_number) - count(*) FROM truth_chain");
        var duplicates = sql("SELECT count(*) FROM (SELECT record_type, subject_id, payload FROM truth_chain GROUP BY"
                + " 1, 2, 3 HAVING count(*) > 1) d");
        var verifyA = call(a, "GET", "/api/truth-chain/verify", null, null, 200);
        var verifyB = call(b, "GET", "/api/truth-chain/verify", null, null, 200);
        boolean intact = verifyA.contains("\"intact\":true") && verifyB.contains("\"intact\":true");
        row("truth chain after concurrent appends from A and B", "forks (two records on one previous hash) " + forks
                + ", gaps " + gaps + ", duplicate records " + duplicates + "; registrations: " + perAgent
                + "; verify on A and on B intact=" + intact, "0, 0, 0, one record per agent, intact",
                "0".equals(forks) && "0".equals(gaps) && "0".equals(duplicates) && intact);
        var observerDuplicates = sql("SELECT count(*) FROM (SELECT event_type, subject_id, actor_id, title, payload"
                + " FROM observer_events GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1) d");
        row("observer after both instances handled events", "duplicate events " + observerDuplicates, "0",
                "0".equals(observerDuplicates));

        // 4. Publications A leaves incomplete are finished by B: the Pusher server's API goes down for the instances
        //    (the pusher-js client stays connected), A takes reports (their live messages cannot be sent), A is
        //    killed, the API comes back, B's retry sends them.
        pusherApi(false);
        for (int i = 0; i < 10; i++) {
            call(a, "POST", "/api/runtime/events", key, "{\"eventType\":\"tool.search\",\"title\":\"" + downTitle(i)
                    + "\",\"idempotencyKey\":\"down-" + run + "-" + i + "\"}", 201);
        }
        await(() -> number(sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"))
                > 0, 30);
        var incomplete = sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
        ProcessHandle.of(Long.parseLong(o.get("a-pid"))).ifPresent(ProcessHandle::destroyForcibly);
        System.out.println("A killed (SIGKILL) with " + incomplete + " incomplete publications; Pusher's API is back");
        pusherApi(true);
        long started = System.nanoTime();
        boolean finished = await(() -> "0".equals(sql("SELECT count(*) FROM event_publication WHERE completion_date"
                + " IS NULL")), 120);
        double seconds = (System.nanoTime() - started) / 1e9;
        await(() -> java.util.stream.IntStream.range(0, 10).allMatch(i -> heardTitle(downTitle(i)) > 0), 30);
        long downHeard = java.util.stream.IntStream.range(0, 10).filter(i -> heardTitle(downTitle(i)) > 0).count();
        row("incomplete publications left by A (killed) are finished by B",
                String.format(java.util.Locale.ROOT, "%s incomplete at the kill, %s after %.0f s; pusher-js heard"
                        + " %d/10 of A's reports made while Pusher was down", incomplete,
                        sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"), seconds, downHeard),
                "some incomplete at the kill, 0 left, 10/10 heard", number(incomplete) > 0 && finished
                        && downHeard == 10);
    }

    // ------------------------------------------------------------------------------------------------ realtime

    private void listen(String... channels) throws Exception {
        var command = new ArrayList<>(List.of("node", o.get("listener"), "127.0.0.1", o.get("ws-port"),
                o.get("pusher-key"), "900"));
        command.addAll(List.of(channels));
        listener = new ProcessBuilder(command).redirectErrorStream(true).start();
        var ready = new java.util.concurrent.CountDownLatch(1);
        var reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(listener.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("EVENT ")) {
                        heard.add(line);
                    } else {
                        System.out.println("listener: " + line);
                    }
                }
            } catch (Exception ignored) {
                // the listener ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pusher-js did not subscribe within 60 s");
        }
        System.out.println("pusher-js subscribed to " + String.join(", ", channels));
    }

    private long heardTitle(String title) {
        return heard.stream().filter(l -> l.contains(" new-event ") && l.contains("\"" + title + "\"")).count();
    }

    /** decision-made messages about one request, counted by distinct eventId (clients de-duplicate by it). */
    private long heardDecision(String decision) {
        var ids = ConcurrentHashMap.<String>newKeySet();
        heard.stream().filter(l -> l.contains(" decision-made ") && l.contains(decision)).forEach(l -> {
            var m = Pattern.compile("\"eventId\":\"([^\"]+)\"").matcher(l);
            ids.add(m.find() ? m.group(1) : l);
        });
        return ids.size();
    }

    private long repeats(String event) {
        var seen = new HashMap<String, Integer>();
        heard.stream().filter(l -> l.contains(" " + event + " ")).forEach(l -> {
            var m = Pattern.compile("\"eventId\":\"([^\"]+)\"").matcher(l);
            if (m.find()) {
                seen.merge(m.group(1), 1, Integer::sum);
            }
        });
        return seen.values().stream().filter(n -> n > 1).count();
    }

    private String title(int n) {
        return "two instances " + run + " report " + n;
    }

    private String downTitle(int n) {
        return "while pusher was down " + run + " " + n;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String token(String subject) throws Exception {
        var enc = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        var header = enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        var claims = enc.encodeToString(("{\"sub\":\"" + subject + "\",\"email\":\"" + subject + "@example.com\","
                + "\"name\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(o.get("secret").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var signature = enc.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + claims + "." + signature;
    }

    private static String id(String body) {
        var m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    private static String call(String base, String method, String path, String bearer, String body, int... expected)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        var response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        for (int s : expected) {
            if (s == response.statusCode()) {
                return response.body();
            }
        }
        throw new IllegalStateException(method + " " + base + path + " answered " + response.statusCode() + ": "
                + response.body());
    }

    /** One value from the database, as its superuser (past row-level security, to count everything). */
    private String sql(String query) {
        try {
            var p = new ProcessBuilder("psql", "-qtAX", o.get("psql"), "-c", query).redirectErrorStream(true).start();
            var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return out;
        } catch (Exception e) {
            return "error: " + e.getMessage();
        }
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    private static void row(String what, String figure, String target, boolean pass) {
        System.out.println("ROW\t" + what + "\t" + figure + "\t" + target + "\t" + (pass ? "PASS" : "FAIL"));
    }
}
