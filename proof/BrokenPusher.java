import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.agentanchor.pusher.LocalPusherConfig;
import com.agentanchor.pusher.LocalPusherServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Part 60's Pusher: the project's own Pusher-protocol server (the pusher-server module, its classes from the jar),
 * with its HTTP API behind a front that the part breaks on command. The app's {@code PUSHER_HOST} names the front;
 * pusher-js connects to the server's WebSocket side directly, which stays up throughout. Commands on stdin, one a
 * line: {@code 500} (every API request answered 500), {@code hang} (requests read and never answered, until the
 * next command), {@code up} (passed through to the server). Each command is acknowledged on stdout with the
 * counts so far: {@code MODE <mode> answered500=<n> hung=<n> passed=<n>}; {@code STARTED} once it serves.
 *
 * <p>{@code java -cp "<pusher-server and its dependencies>" proof/BrokenPusher.java --app-id A --key K --secret S
 * --ws-port P --http-port P --front-port P}
 */
public final class BrokenPusher {

    private volatile String mode = "up";
    private volatile CountDownLatch release = new CountDownLatch(1);
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>(Map.of(
            "answered500", new AtomicInteger(), "hung", new AtomicInteger(), "passed", new AtomicInteger()));
    private final HttpClient upstream = HttpClient.newHttpClient();
    private final String api;

    private BrokenPusher(String api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        var o = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var server = LocalPusherServer.start(LocalPusherConfig.builder().appId(o.get("app-id")).key(o.get("key"))
                .secret(o.get("secret")).host("127.0.0.1").wsPort(Integer.parseInt(o.get("ws-port")))
                .httpPort(Integer.parseInt(o.get("http-port"))).build());
        var proof = new BrokenPusher("http://127.0.0.1:" + server.httpPort());
        var front = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(o.get("front-port"))), 64);
        front.setExecutor(Executors.newCachedThreadPool());
        front.createContext("/", proof::handle);
        front.start();
        System.out.println("STARTED (server " + server.wsUrl() + ", API front on port " + o.get("front-port") + ")");
        try (var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                proof.switchTo(line.trim());
            }
        } finally {
            proof.release.countDown();
            front.stop(0);
            server.close();
        }
    }

    private void switchTo(String next) {
        if (!next.equals("500") && !next.equals("hang") && !next.equals("up")) {
            System.out.println("unknown command " + next);
            return;
        }
        var held = release;
        release = new CountDownLatch(1);
        mode = next;
        held.countDown(); // hung requests are let go (closed unanswered) when the mode changes
        System.out.printf("MODE %s answered500=%d hung=%d passed=%d%n", next, counts.get("answered500").get(),
                counts.get("hung").get(), counts.get("passed").get());
    }

    private void handle(HttpExchange exchange) throws java.io.IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (mode) {
                case "500" -> {
                    counts.get("answered500").incrementAndGet();
                    exchange.sendResponseHeaders(500, -1);
                }
                case "hang" -> {
                    counts.get("hung").incrementAndGet();
                    try {
                        release.await(); // then closed unanswered
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> pass(exchange, body);
            }
        }
    }

    private void pass(HttpExchange exchange, byte[] body) throws java.io.IOException {
        counts.get("passed").incrementAndGet();
        var request = HttpRequest.newBuilder(URI.create(api + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        var type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null) {
            request.header("Content-Type", type);
        }
        try {
            var response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type")
                    .ifPresent(value -> exchange.getResponseHeaders().set("Content-Type", value));
            exchange.sendResponseHeaders(response.statusCode(),
                    response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
    }
}
