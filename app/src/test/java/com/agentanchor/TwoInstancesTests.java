package com.agentanchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.agentanchor.observer.events.ObservationRecorded;
import com.agentanchor.pusher.LocalPusherConfig;
import com.agentanchor.pusher.LocalPusherServer;
import com.agentanchor.support.Api;
import com.agentanchor.support.ChainApp;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.RealtimeClient;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two whole app instances, A and B, on one database of their own, both publishing to one Pusher-protocol server (a
 * third party here, as Pusher would be; A reaches it through a pass-through this test can cut): what one instance
 * does is done once, whichever instance does it, and what one leaves unfinished the other finishes. Both run every
 * schedule the app runs in production, at short intervals, so that they overlap.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTests {

    static final int AGENTS_EACH = 20;
    static final int REQUESTS_EACH = 10;

    @Autowired
    Environment env;

    final JsonMapper json = JsonMapper.builder().build();
    LocalPusherServer pusher;
    CuttableRoute routeOfA;
    FreshDatabase db;
    /** The database as its owner sees it, past row-level security: to count what the instances wrote. */
    Connection ownerConnection;
    JdbcTemplate owner;
    ChainApp a;
    ChainApp b;
    Api apiA;
    Api apiB;
    String ownerOnA;
    String ownerOnB;
    String profile;
    RealtimeClient client;

    @BeforeAll
    void twoInstancesOnOneDatabaseAndOnePusherServer() throws Exception {
        pusher = LocalPusherServer.start(LocalPusherConfig.builder().appId("two-instances").key("two-instances-key")
                .secret("two-instances-secret").build());
        routeOfA = new CuttableRoute(pusher.httpPort());
        db = FreshDatabase.create(env, "two");
        // A migrates the fresh database on start; B starts as the second step of a two-step deploy does, on it as is.
        // A never retries within this test (what it leaves undelivered, only B can finish); B retries every second.
        a = ChainApp.start(env, db, instance(routeOfA.hostAndPort(), "agentanchor.events.retry-interval=1h"));
        b = ChainApp.start(env, db, instance("127.0.0.1:" + pusher.httpPort(), "spring.liquibase.enabled=false"));
        ownerConnection = db.owner();
        owner = new JdbcTemplate(new SingleConnectionDataSource(ownerConnection, true));
        apiA = a.api();
        apiB = b.api();
        // Each instance signs its own development tokens; the subject, hence the profile, is the same.
        ownerOnA = apiA.token("two-instances-owner");
        ownerOnB = apiB.token("two-instances-owner");
        profile = apiA.profileId(ownerOnA);
        assertThat(apiB.profileId(ownerOnB)).isEqualTo(profile);
        client = new RealtimeClient("two-instances-key", "127.0.0.1", pusher.wsPort(), a.port(), ownerOnA);
        client.subscribePrivate("private-user-" + profile, "new-event");
        assertThat(client.awaitSubscription()).isEqualTo("private-user-" + profile);
    }

    /**
     * As production runs them, every schedule on, only more often: the retry of failed publications, the expiry
     * sweep, checkpoints, and the check for abandoned retries (the age at which one counts as abandoned is the app's).
     */
    private static String[] instance(String pusherHost, String... more) {
        return Stream.concat(Stream.of("agentanchor.realtime.app-id=two-instances",
                "agentanchor.realtime.key=two-instances-key", "agentanchor.realtime.secret=two-instances-secret",
                "agentanchor.realtime.host=" + pusherHost, "agentanchor.realtime.tls=false",
                "agentanchor.events.retry-interval=1s", "agentanchor.council.expiry-sweep=100ms",
                "agentanchor.truthchain.checkpoint-interval=200ms",
                "spring.modulith.events.staleness.check-intervall=500ms"), Stream.of(more)).toArray(String[]::new);
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        for (var app : new ChainApp[] { b, a }) {
            if (app != null) {
                app.close();
            }
        }
        if (ownerConnection != null) {
            ownerConnection.close();
        }
        if (db != null) {
            db.close();
        }
        if (routeOfA != null) {
            routeOfA.close();
        }
        if (pusher != null) {
            pusher.close();
        }
    }

    @Test
    @Order(1)
    void agentsRegisteredThroughBothAtOnceAreRecordedOnceOnOneUnforkedChainAndHeardByOneClient() throws Exception {
        var agents = new ArrayList<String>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            var registrations = new ArrayList<Future<String>>();
            for (int i = 0; i < AGENTS_EACH; i++) {
                registrations.add(threads.submit(register(apiA, ownerOnA, "On A " + i)));
                registrations.add(threads.submit(register(apiB, ownerOnB, "On B " + i)));
            }
            for (var registration : registrations) {
                agents.add(registration.get());
            }
        } finally {
            threads.shutdown();
        }

        Eventually.await(() -> count("SELECT count(DISTINCT subject_id) FROM truth_chain WHERE record_type = "
                + "'agent_creation' AND subject_id = ANY (?::uuid[])", ids(agents)) == agents.size()
                && count("SELECT count(DISTINCT subject_id) FROM observer_events WHERE event_type = 'agent.registered' "
                        + "AND subject_id = ANY (?::uuid[])", ids(agents)) == agents.size());
        assertThat(counts("SELECT subject_id::text AS id, count(*) AS n FROM truth_chain WHERE record_type = "
                + "'agent_creation' AND subject_id = ANY (?::uuid[]) GROUP BY subject_id", agents))
                .as("one truth record per registration").hasSize(agents.size()).allSatisfy((id, n) -> assertThat(n)
                        .as(id).isEqualTo(1L));
        assertThat(counts("SELECT subject_id::text AS id, count(*) AS n FROM observer_events WHERE event_type = "
                + "'agent.registered' AND subject_id = ANY (?::uuid[]) GROUP BY subject_id", agents))
                .as("one observer event per registration").hasSize(agents.size())
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertChainUnforked();

        // Delivery is at least once (a retry may repeat a message still in flight): wait for each agent, not a count.
        var heard = new HashSet<String>();
        var deadline = Instant.now().plusSeconds(15);
        while (heard.size() < agents.size() && Instant.now().isBefore(deadline)) {
            var missing = agents.stream().filter(id -> !heard.contains(id)).toArray(String[]::new);
            for (var event : client.collectAbout(1, Duration.between(Instant.now(), deadline), missing)) {
                heard.add(json.readTree(event.getData()).get("agentId").asString());
            }
        }
        assertThat(heard).as("new-event heard for agents registered on either instance")
                .containsExactlyInAnyOrderElementsOf(agents);
    }

    @Test
    @Order(2)
    void requestsThatExpireWhileBothInstancesSweepAreRejectedOnce() throws Exception {
        var agentOnA = register(apiA, ownerOnA, "Asks on A").call();
        var agentOnB = register(apiB, ownerOnB, "Asks on B").call();
        var requests = new ArrayList<String>();
        for (int i = 0; i < REQUESTS_EACH; i++) {
            requests.add(request(apiA, ownerOnA, agentOnA, "book flight " + i));
            requests.add(request(apiB, ownerOnB, agentOnB, "book hotel " + i));
        }

        // All due at one instant, for two sweeps every 100 ms.
        owner.update("UPDATE council_decisions SET expires_at = now() - interval '1 minute' WHERE id = ANY (?::uuid[])",
                ids(requests));

        Eventually.await(() -> count("SELECT count(DISTINCT subject_id) FROM truth_chain WHERE record_type = "
                + "'council_decision' AND subject_id = ANY (?::uuid[])", ids(requests)) == requests.size()
                && count("SELECT count(DISTINCT action_url) FROM notifications WHERE kind = 'council.decision_made' "
                        + "AND action_url = ANY (?)", ids(inbox(requests))) == requests.size());
        assertThat(count("SELECT count(*) FROM council_decisions WHERE status = 'rejected' AND reasoning LIKE "
                + "'Expired:%' AND id = ANY (?::uuid[])", ids(requests))).isEqualTo(requests.size());
        assertThat(counts("SELECT subject_id::text AS id, count(*) AS n FROM truth_chain WHERE record_type = "
                + "'council_decision' AND subject_id = ANY (?::uuid[]) GROUP BY subject_id", requests))
                .as("one verdict on the chain per expired request").hasSize(requests.size())
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(counts("SELECT action_url AS id, count(*) AS n FROM notifications WHERE kind = "
                + "'council.decision_made' AND action_url = ANY (?) GROUP BY action_url", inbox(requests)))
                .as("one notification to the owner per expired request").hasSize(requests.size())
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        // Expiry acts for nobody, about draft agents: the observer still records each verdict, once.
        Eventually.await(() -> count("SELECT count(DISTINCT payload ->> 'decisionId') FROM observer_events WHERE "
                + "event_type = 'council.decided' AND payload ->> 'decisionId' = ANY (?)", ids(requests))
                == requests.size());
        assertThat(counts("SELECT payload ->> 'decisionId' AS id, count(*) AS n FROM observer_events WHERE event_type "
                + "= 'council.decided' AND payload ->> 'decisionId' = ANY (?) GROUP BY 1", requests))
                .as("one observer event per expired request").hasSize(requests.size())
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertChainUnforked();
    }

    @Test
    @Order(3)
    void whatAFailingInstanceLeftUndeliveredIsDeliveredByTheOtherAfterItStops() throws Exception {
        routeOfA.cut = true;
        var agent = register(apiA, ownerOnA, "Left by A").call();
        // A has tried to tell Pusher, and failed: its live message waits in the registry (unless B, which may retry
        // it as soon as it is a second old, has delivered it already, and its row is gone; A never can).
        Eventually.await(() -> count("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%RealtimeBridge%'"
                + " AND event_type LIKE '%ObservationRecorded' AND serialized_event LIKE ?"
                + " AND status IN ('PUBLISHED', 'PROCESSING')", "%" + agent + "%") == 0);
        a.close();
        a = null;

        assertThat(client.collectAbout(1, Duration.ofSeconds(15), agent)).as("delivered by B").hasSize(1);
        Eventually.await(() -> count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND "
                + "completion_date IS NULL", "%" + agent + "%") == 0);
    }

    @Test
    @Order(4)
    void aRetryLeftMidwayByAStoppedInstanceIsTakenOverByTheOther() throws Exception {
        // A live message as an instance leaves it when it stops in the middle of retrying it: marked resubmitted,
        // never completed. Modulith claims a publication for a retry by moving it to RESUBMITTED, and no instance
        // claims a RESUBMITTED one again, not even on restart, unless a staleness limit fails it first.
        var agent = register(apiB, ownerOnB, "Template").call();
        var abandoned = UUID.randomUUID().toString();
        var event = new ObservationRecorded(UUID.fromString(abandoned), 1, "agent.registered", "agent_action", "info",
                "agent", UUID.fromString(agent), "Agent Template registered", null, Instant.now(),
                UUID.fromString(profile), false, "Template", 0);
        // The realtime bridge's listener, as the registry names it (the method and its parameter's type).
        var listener = "com.agentanchor.realtime.adapter.out.pusher.RealtimeBridge.on("
                + ObservationRecorded.class.getName() + ")";
        owner.update("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                + " status, completion_attempts, last_resubmission_date) VALUES (gen_random_uuid(), ?, ?, ?, "
                + "now() - interval '10 minutes', 'RESUBMITTED', 1, now() - interval '9 minutes')",
                listener, ObservationRecorded.class.getName(), json.writeValueAsString(event));

        assertThat(client.collectAbout(1, Duration.ofSeconds(15), abandoned)).as("delivered by B").hasSize(1);
        Eventually.await(() -> count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND "
                + "completion_date IS NULL", "%" + abandoned + "%") == 0);
    }

    /** The whole chain of this database, which only these two instances append to. */
    private void assertChainUnforked() {
        var links = owner.queryForList("SELECT sequence_number, previous_hash, hash FROM truth_chain "
                + "ORDER BY sequence_number");
        for (int i = 0; i < links.size(); i++) {
            var link = links.get(i);
            assertThat(((Number) link.get("sequence_number")).longValue()).as("gap-free, no repeat")
                    .isEqualTo(i + 1L);
            if (i > 0) {
                assertThat(link.get("previous_hash")).as("record %d extends its predecessor", i + 1)
                        .isEqualTo(links.get(i - 1).get("hash"));
            }
        }
        for (var api : new Api[] { apiA, apiB }) {
            var verify = api.get("/api/truth-chain/verify", null).body();
            assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        }
    }

    private Callable<String> register(Api api, String token, String name) {
        return () -> {
            var response = api.post("/api/agents", token, Map.of("name", name));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response.body().get("id").asString();
        };
    }

    private static String request(Api api, String token, String agent, String action) {
        var response = api.post("/api/council/decisions", token, Map.of("agentId", agent, "decisionType",
                "approval", "riskLevel", 2, "subjectAction", action));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.body().get("status").asString()).isEqualTo("pending");
        return response.body().get("id").asString();
    }

    private static Object ids(List<String> ids) {
        return ids.toArray(String[]::new);
    }

    /** Where the owner's notification about each request points. */
    private static List<String> inbox(List<String> requests) {
        return requests.stream().map(id -> "/council/decisions/" + id).toList();
    }

    private long count(String sql, Object... args) {
        return owner.queryForObject(sql, Long.class, args);
    }

    private Map<String, Long> counts(String sql, List<String> ids) {
        var counts = new HashMap<String, Long>();
        owner.queryForList(sql, (Object) ids.toArray(String[]::new))
                .forEach(row -> counts.put((String) row.get("id"), ((Number) row.get("n")).longValue()));
        return counts;
    }

    /**
     * A's way to the Pusher server: passes the HTTP events API through unchanged (the signature covers path, query
     * and body, not the host), or, once cut, answers 503 as an unreachable Pusher would make the client fail.
     */
    static final class CuttableRoute implements AutoCloseable {

        final HttpServer server;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        volatile boolean cut;

        CuttableRoute(int target) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                try (exchange) {
                    if (cut) {
                        exchange.sendResponseHeaders(503, -1);
                        return;
                    }
                    var forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target
                            + exchange.getRequestURI())).method(exchange.getRequestMethod(),
                                    HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
                    var type = exchange.getRequestHeaders().getFirst("Content-Type");
                    if (type != null) {
                        forward.header("Content-Type", type);
                    }
                    var response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    response.headers().firstValue("Content-Type")
                            .ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
                    var body = response.body();
                    exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
                    exchange.getResponseBody().write(body);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String hostAndPort() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
