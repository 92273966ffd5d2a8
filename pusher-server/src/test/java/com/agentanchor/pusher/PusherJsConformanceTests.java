package com.agentanchor.pusher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.pusher.rest.Pusher;

/**
 * pusher-js 8 (protocol 7) in Node against a Pusher server: the script {@code realtime/pusher-js-conformance.cjs}
 * checks subscriptions, presence, client events and errors from the browser library's side; this test triggers its
 * server events over HTTP with pusher-http-java. Skipped, with the reason, when {@code node}/{@code npm} are missing
 * or pusher-js cannot be installed into {@code target/pusher-js}.
 * <p>
 * By default the server is a {@link LocalPusherServer}. The same suite runs against real Pusher when
 * {@code PUSHER_APP_ID}, {@code PUSHER_KEY}, {@code PUSHER_SECRET} and {@code PUSHER_CLUSTER} are set (always TLS),
 * or against another Pusher-compatible server when {@code PUSHER_HOST} (a host name; it wins over the cluster) is
 * set instead, with optional {@code PUSHER_PORT} and {@code PUSHER_USE_TLS} ({@code true}, the default, or
 * {@code false}; the port defaults to 443 or 80). The app must have client events enabled (a setting on Pusher's
 * dashboard). Then run {@code ./mvnw -B -q -o -pl app test -Dtest=PusherJsConformanceTests}. Checks of what only our
 * server does are skipped there, each printed with its reason; channel names get a random suffix, so parallel runs
 * on one app do not meet.
 */
@Timeout(300)
class PusherJsConformanceTests {

    static final String PUSHER_JS = "pusher-js@8.6.0";

    /** What the script checks or skips; fewer means a check got lost. */
    static final int CHECKS = 19;

    @Test
    void pusherJsSeesPushersProtocol() throws Exception {
        assumeTrue(runs(List.of("node", "--version"), 20), "node is not installed: pusher-js conformance skipped");
        Path dir = Path.of("target", "pusher-js").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("pusher-js"))) {
            Files.createDirectories(dir);
            assumeTrue(runs(List.of("npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                    dir.toString(), PUSHER_JS), 240), "npm install " + PUSHER_JS + " failed: conformance skipped");
        }
        Path script = Path.of(getClass().getResource("/realtime/pusher-js-conformance.cjs").toURI());

        Target pusher = Target.fromEnv(System.getenv());
        LocalPusherConfig config = LocalPusherConfig.builder().appId("7").key("js-key").secret("js-secret").build();
        try (LocalPusherServer server = pusher == null ? LocalPusherServer.start(config) : null) {
            runSuite(pusher != null ? pusher : Target.local(server, config), dir, script);
        }
    }

    @Test
    void pusherVariablesChooseTheTarget() throws Exception {
        Map<String, String> credentials = Map.of("PUSHER_APP_ID", "1", "PUSHER_KEY", "k", "PUSHER_SECRET", "s");
        assertThat(Target.fromEnv(Map.of())).isNull();
        assertThat(Target.fromEnv(credentials)).as("neither cluster nor host").isNull();
        assertThat(Target.fromEnv(Map.of("PUSHER_APP_ID", "1", "PUSHER_KEY", "k", "PUSHER_CLUSTER", "eu")))
                .as("no secret").isNull();

        Target cloud = Target.fromEnv(with(credentials, Map.of("PUSHER_CLUSTER", "eu")));
        assertThat(cloud.local()).isFalse();
        assertThat(cloud.scriptEnv()).containsEntry("KEY", "k").containsEntry("SECRET", "s")
                .containsEntry("CLUSTER", "eu").containsEntry("WS_HOST", "").containsEntry("FORCE_TLS", "true")
                .containsEntry("LOCAL_SERVER", "false");
        assertThat(restBase(cloud)).isEqualTo("https://api-eu.pusher.com");

        Target plain = Target.fromEnv(with(credentials, Map.of("PUSHER_CLUSTER", "eu", "PUSHER_HOST", "ws.example",
                "PUSHER_PORT", "6001", "PUSHER_USE_TLS", "false")));
        assertThat(plain.scriptEnv()).containsEntry("CLUSTER", "").containsEntry("WS_HOST", "ws.example")
                .containsEntry("WS_PORT", "6001").containsEntry("FORCE_TLS", "false");
        assertThat(restBase(plain)).isEqualTo("http://ws.example:6001");

        Target tls = Target.fromEnv(with(credentials, Map.of("PUSHER_HOST", "ws.example")));
        assertThat(tls.scriptEnv()).containsEntry("WS_PORT", "443").containsEntry("FORCE_TLS", "true");
        assertThat(restBase(tls)).isEqualTo("https://ws.example:443");

        assertThatIllegalArgumentException().isThrownBy(
                () -> Target.fromEnv(with(credentials, Map.of("PUSHER_HOST", "ws.example", "PUSHER_USE_TLS", "no"))));
    }

    private static void runSuite(Target target, Path dir, Path script) throws Exception {
        System.out.println("pusher-js conformance against " + target);
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        String publicChannel = "public-js" + suffix;
        String privateChannel = "private-js" + suffix;
        ProcessBuilder pb = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
        pb.environment().put("PUSHER_JS_DIR", dir.toString());
        pb.environment().put("CHANNEL_SUFFIX", suffix);
        pb.environment().putAll(target.scriptEnv());
        Map<String, String> checks = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        try (Pusher rest = target.rest()) {
            Process node = pb.start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    if (line.equals("READY")) {
                        trigger(rest, publicChannel, 1);
                        trigger(rest, privateChannel, 2);
                    }
                    else if (line.equals("READY2")) {
                        trigger(rest, publicChannel, 3);
                        trigger(rest, privateChannel, 4);
                    }
                    else if (line.startsWith("CHECK ")) {
                        String[] parts = line.split(" ", 4);
                        checks.put(parts[1], parts[2] + " " + (parts.length > 3 ? parts[3] : ""));
                    }
                    else if (line.startsWith("SKIP ")) {
                        String[] parts = line.split(" ", 3);
                        skipped.put(parts[1], parts.length > 2 ? parts[2] : "");
                    }
                }
            }
            finally {
                if (!node.waitFor(30, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            }
        }
        checks.forEach((name, result) -> System.out.println("pusher-js " + name + ": " + result));
        skipped.forEach((name, why) -> System.out.println("pusher-js " + name + ": skipped, " + why));
        assertThat(output).as("node output").contains("DONE");
        assertThat(checks.size() + skipped.size()).as("checks run or skipped by the script")
                .isGreaterThanOrEqualTo(CHECKS);
        if (target.local()) {
            assertThat(skipped).as("checks skipped against our own server").isEmpty();
        }
        checks.forEach((name, result) -> assertThat(result).as("pusher-js check %s", name).startsWith("true"));
    }

    private static void trigger(Pusher rest, String channel, int n) {
        assertThat(rest.trigger(channel, "js-event", Map.of("n", n)).getHttpStatus()).as("trigger on %s", channel)
                .isEqualTo(200);
    }

    /**
     * Where the suite runs: Pusher's cluster, a Pusher-compatible host, or our {@link LocalPusherServer}
     * ({@code local}: the script checks its extras too). Only our server has separate WebSocket and HTTP ports.
     */
    record Target(String appId, String key, String secret, String cluster, String host, int wsPort, int httpPort,
            boolean tls, boolean local) {

        /** Pusher named by {@code PUSHER_*} variables, or null unless credentials and a cluster or host are all set. */
        static Target fromEnv(Map<String, String> env) {
            String appId = env.get("PUSHER_APP_ID");
            String key = env.get("PUSHER_KEY");
            String secret = env.get("PUSHER_SECRET");
            String cluster = env.get("PUSHER_CLUSTER");
            String host = env.get("PUSHER_HOST");
            if (isBlank(appId) || isBlank(key) || isBlank(secret) || isBlank(cluster) && isBlank(host)) {
                return null;
            }
            if (isBlank(host)) {
                return new Target(appId, key, secret, cluster, null, 443, 443, true, false);
            }
            String useTls = env.getOrDefault("PUSHER_USE_TLS", "true");
            if (!useTls.equals("true") && !useTls.equals("false")) {
                throw new IllegalArgumentException("PUSHER_USE_TLS must be true or false, not " + useTls);
            }
            boolean tls = useTls.equals("true");
            String port = env.get("PUSHER_PORT");
            int p = isBlank(port) ? (tls ? 443 : 80) : Integer.parseInt(port);
            return new Target(appId, key, secret, null, host, p, p, tls, false);
        }

        static Target local(LocalPusherServer server, LocalPusherConfig config) {
            return new Target(config.appId(), config.key(), config.secret(), null, server.host(), server.wsPort(),
                    server.httpPort(), false, true);
        }

        /** pusher-http-java for this target; the port rides on the host, as in the library's own URL form. */
        Pusher rest() {
            Pusher rest = new Pusher(appId, key, secret);
            if (cluster != null) {
                rest.setCluster(cluster);
            }
            else {
                rest.setHost(host + ":" + httpPort);
            }
            rest.setEncrypted(tls);
            return rest;
        }

        /** The script's connection options; all of them, so none comes in from the environment we run in. */
        Map<String, String> scriptEnv() {
            return Map.of("KEY", key, "SECRET", secret, "CLUSTER", cluster == null ? "" : cluster, "WS_HOST",
                    host == null ? "" : host, "WS_PORT", Integer.toString(wsPort), "FORCE_TLS", Boolean.toString(tls),
                    "LOCAL_SERVER", Boolean.toString(local));
        }

        /** Without the secret: this ends up in logs and assertion messages. */
        @Override
        public String toString() {
            if (local) {
                return "our LocalPusherServer";
            }
            return cluster != null ? "Pusher cluster " + cluster
                    : (tls ? "wss/https " : "ws/http ") + host + ":" + wsPort;
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> both = new HashMap<>(a);
        both.putAll(b);
        return both;
    }

    private static String restBase(Target target) throws Exception {
        try (Pusher rest = target.rest()) {
            URI uri = rest.signedUri("GET", "/apps/" + target.appId() + "/channels", null);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
    }

    private static boolean runs(List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
