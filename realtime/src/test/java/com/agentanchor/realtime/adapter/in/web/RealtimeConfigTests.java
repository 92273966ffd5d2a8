package com.agentanchor.realtime.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.IntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/** pusher-js's options name the configured host, whatever Host header a client sends. */
@IntegrationTest
class RealtimeConfigTests {

    @LocalServerPort
    int port;

    @Test
    void theWebSocketHostIsTheConfiguredOneNotTheRequestsHostHeader() throws IOException {
        // java.net.http refuses to send a Host header of its own choosing; a raw request can, as any client can.
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/realtime/config HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 200");
            var options = JsonMapper.shared().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertThat(options.get("wsHost").asString()).isEqualTo("localhost");
            assertThat(response).doesNotContain("evil.example");
        }
    }
}
