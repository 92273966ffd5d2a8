package com.agentanchor.platform.realtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.pusher.rest.Pusher;

/**
 * pusher-js 8 (protocol 7) in Node against the server: the script {@code realtime/pusher-js-conformance.cjs} checks
 * subscriptions, presence, client events and errors from the browser library's side; this test triggers its server
 * events over HTTP. Skipped, with the reason, when {@code node}/{@code npm} are missing or pusher-js cannot be
 * installed into {@code target/pusher-js}.
 */
@Timeout(300)
class PusherJsConformanceTest {

    static final String PUSHER_JS = "pusher-js@8.6.0";

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

        try (LocalPusherServer server = LocalPusherServer.start(LocalPusherConfig.builder().appId("7").key("js-key")
                .secret("js-secret").build()); Pusher rest = new Pusher(server.restUrl())) {
            ProcessBuilder pb = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
            pb.environment().put("PUSHER_JS_DIR", dir.toString());
            pb.environment().put("WS_PORT", Integer.toString(server.wsPort()));
            pb.environment().put("KEY", "js-key");
            pb.environment().put("SECRET", "js-secret");
            Process node = pb.start();
            Map<String, String> checks = new LinkedHashMap<>();
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    if (line.equals("READY")) {
                        assertThat(rest.trigger("public-js", "js-event", Map.of("n", 1)).getHttpStatus()).isEqualTo(200);
                        assertThat(rest.trigger("private-js", "js-event", Map.of("n", 2)).getHttpStatus())
                                .isEqualTo(200);
                    }
                    else if (line.equals("READY2")) {
                        assertThat(rest.trigger("public-js", "js-event", Map.of("n", 3)).getHttpStatus()).isEqualTo(200);
                    }
                    else if (line.startsWith("CHECK ")) {
                        String[] parts = line.split(" ", 4);
                        checks.put(parts[1], parts[2] + " " + (parts.length > 3 ? parts[3] : ""));
                    }
                }
            }
            finally {
                if (!node.waitFor(30, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            }
            checks.forEach((name, result) -> System.out.println("pusher-js " + name + ": " + result));
            assertThat(output).as("node output").contains("DONE");
            assertThat(checks).as("checks run by the script").hasSizeGreaterThanOrEqualTo(18);
            checks.forEach((name, result) -> assertThat(result).as("pusher-js check %s", name).startsWith("true"));
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
