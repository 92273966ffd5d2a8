package com.agentanchor.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hub writes its frames to the sockets itself, from several threads: nothing lost, torn or reordered. */
@Timeout(60)
class FanOutTests {

    static final String SUBSCRIBE = "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"crowd\"}}";

    LocalPusherServer server;

    @BeforeEach
    void start() {
        server = LocalPusherServer.start(LocalPusherConfig.builder().appId("1").key("k").secret("s").build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientThatReadsLateGetsEveryMessageWholeAndInOrder() throws Exception {
        try (var late = subscribed(4096)) {
            // 16 MB while it reads nothing: more than the socket buffers hold, so most of it waits in the server.
            var data = "z".repeat(8 * 1024);
            for (int i = 0; i < 2000; i++) {
                server.trigger("crowd", "seq", i + data);
            }
            for (int i = 0; i < 2000; i++) {
                assertThat(late.next(RawSocket.TEXT, "\"seq\"").text()).as("message %d", i)
                        .isEqualTo("{\"event\":\"seq\",\"channel\":\"crowd\",\"data\":\"" + i + data + "\"}");
            }
        }
    }

    @Test
    void aMessageToManySubscribersReachesEachOnceAndInOrder() throws Exception {
        var crowd = new ArrayList<RawSocket>();
        try {
            for (int c = 0; c < 5 * FanOut.SLICE; c++) { // more slices than threads: each thread takes several
                crowd.add(subscribed(0));
            }
            for (int i = 0; i < 50; i++) {
                server.trigger("crowd", "seq", Integer.toString(i));
            }
            server.trigger("crowd", "end", "");
            for (var client : crowd) {
                List<String> got = new ArrayList<>();
                for (var f = client.next(RawSocket.TEXT, null); !f.text().contains("\"end\""); f = client.next(
                        RawSocket.TEXT, null)) {
                    got.add(f.text());
                }
                assertThat(got).hasSize(50);
                for (int i = 0; i < 50; i++) {
                    assertThat(got.get(i)).isEqualTo("{\"event\":\"seq\",\"channel\":\"crowd\",\"data\":\"" + i
                            + "\"}");
                }
            }
        }
        finally {
            for (var client : crowd) {
                client.close();
            }
        }
    }

    private RawSocket subscribed(int receiveBuffer) throws Exception {
        var client = RawSocket.open(server, receiveBuffer);
        assertThat(client.next(RawSocket.TEXT, "pusher:connection_established")).isNotNull();
        client.sendText(SUBSCRIBE, true);
        assertThat(client.next(RawSocket.TEXT, "subscription_succeeded")).isNotNull();
        return client;
    }
}
