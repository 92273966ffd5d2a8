package com.agentanchor.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.agentanchor.support.Api;
import com.agentanchor.support.ChainApp;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.FreshDatabase;
import com.agentanchor.support.IntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away under a running app and comes back. The app reaches its own database through a TCP proxy
 * this test holds, so cutting the proxy is the database stopping (connections reset, new ones refused) without
 * touching the PostgreSQL every other test shares. Meanwhile requests fail fast as 503 problems with Retry-After
 * (nothing about SQL or the stack), readiness says DOWN at once and liveness stays UP; afterwards the same app, not
 * restarted, serves again, and every write acknowledged before and after is there, with its truth record.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTests {

    @Autowired
    Environment env;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    FreshDatabase db;
    DatabaseProxy proxy;
    ChainApp app;

    @BeforeAll
    void anAppBehindAProxy() throws Exception {
        db = FreshDatabase.create(env, "outage");
        var upstream = URI.create(db.url().substring("jdbc:".length()));
        proxy = DatabaseProxy.to(upstream.getHost(), upstream.getPort());
        app = ChainApp.start(env, db,
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + upstream.getRawPath(),
                "agentanchor.db.connection-timeout=6s", "agentanchor.events.retry-interval=1s");
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
        proxy.close();
        db.close();
    }

    @Test
    void anOutageIsA503ThatFailsFastReadinessFollowsAndTheAppRecoversWithoutARestart() throws Exception {
        var api = app.api();
        var owner = api.token("outage-owner");
        var before = agent(api, owner, "Before");
        assertThat(readiness()).isEqualTo(200);

        proxy.cut();

        // A known caller reaches the controller (the MVC advice answers); a new one fails while its profile is
        // provisioned in the security filters (the filter answers). Both on connections the outage broke.
        assertUnavailable(() -> send("POST", "/api/agents", owner, "{\"name\":\"During\"}"));
        assertUnavailable(() -> send("GET", "/api/profiles/me", api.token("outage-newcomer"), null));

        // Readiness answers within its own timeout (1 s), not the pool's (6 s here): DOWN, while liveness holds.
        long start = System.nanoTime();
        var ready = readiness();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(ready).isEqualTo(503);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        // The pool is empty now: a request waits the connection timeout, no longer, and is the same 503.
        assertUnavailable(() -> send("POST", "/api/agents", owner, "{\"name\":\"During again\"}"));

        proxy.restore();

        Eventually.await(() -> readiness() == 200);
        var after = agent(api, owner, "After");
        try (var connection = db.owner(); var query = connection.prepareStatement(
                "SELECT name FROM agents WHERE owner_id = (SELECT owner_id FROM agents WHERE id = ?::uuid)")) {
            query.setString(1, before);
            var names = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            // Acknowledged writes are there; the one answered 503 is not, not even half.
            assertThat(names).containsExactlyInAnyOrder("Before", "After");
        }
        Eventually.await(() -> truthRecords(before) == 1 && truthRecords(after) == 1);
    }

    private void assertUnavailable(Callable<HttpResponse<String>> call) throws Exception {
        long start = System.nanoTime();
        var response = call.call();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(503);
        assertThat(response.body()).doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("exception")
                .doesNotContain("at com.").doesNotContainIgnoringCase("hikari").doesNotContainIgnoringCase("postgres");
    }

    private String agent(Api api, String token, String name) {
        var created = api.post("/api/agents", token, Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private int truthRecords(String agent) throws SQLException {
        try (var connection = db.owner(); var query = connection.prepareStatement(
                "SELECT count(*) FROM truth_chain WHERE subject_id = ?::uuid AND record_type = 'agent_creation'")) {
            query.setString(1, agent);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private int readiness() throws Exception {
        return get("/actuator/health/readiness").statusCode();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A TCP proxy to the database. {@link #cut()} is the database stopping: every open connection is reset and the
     * port refuses new ones; {@link #restore()} listens on the same port again.
     */
    static final class DatabaseProxy implements AutoCloseable {

        private final String host;
        private final int upstreamPort;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile ServerSocket listener;
        private int port;

        private DatabaseProxy(String host, int upstreamPort) {
            this.host = host;
            this.upstreamPort = upstreamPort;
        }

        static DatabaseProxy to(String host, int port) throws IOException {
            var proxy = new DatabaseProxy(host, port);
            proxy.listen(0);
            return proxy;
        }

        int port() {
            return port;
        }

        synchronized void cut() throws IOException {
            listener.close();
            for (var socket : open) {
                try {
                    socket.setSoLinger(true, 0); // a reset, as from a server that is gone
                } catch (IOException e) {
                    // its pump closed it already
                }
                close(socket);
            }
            open.clear();
        }

        synchronized void restore() throws IOException {
            listen(port);
        }

        @Override
        public void close() throws IOException {
            cut();
        }

        private void listen(int on) throws IOException {
            var server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", on));
            port = server.getLocalPort();
            listener = server;
            daemon("db-proxy-accept", () -> {
                while (!server.isClosed()) {
                    try {
                        var client = server.accept();
                        var database = new Socket(host, upstreamPort);
                        open.add(client);
                        open.add(database);
                        daemon("db-proxy-up", () -> pump(client, database));
                        daemon("db-proxy-down", () -> pump(database, client));
                    } catch (IOException e) {
                        // closed by cut(), or the database refused: the client sees its connection end
                    }
                }
            });
        }

        private void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side is gone
            } finally {
                close(from);
                close(to);
            }
        }

        private void close(Socket socket) {
            open.remove(socket);
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        private static void daemon(String name, Runnable work) {
            var thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.start();
        }
    }
}
