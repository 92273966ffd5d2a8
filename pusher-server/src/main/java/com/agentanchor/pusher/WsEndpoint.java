package com.agentanchor.pusher;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Java-WebSocket server, handing everything to the {@link ChannelHub}. */
final class WsEndpoint extends WebSocketServer {

    private static final Logger log = LoggerFactory.getLogger(WsEndpoint.class);

    /** Larger than any valid client message: 10 KB of data plus the envelope. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private final ChannelHub hub;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    WsEndpoint(InetSocketAddress address, ChannelHub hub, Flusher flusher) {
        super(address, Math.max(2, Runtime.getRuntime().availableProcessors()),
                List.of(new MaskedClientFrames(MAX_FRAME_BYTES)));
        this.hub = hub;
        setWebSocketFactory(new ClientSockets(flusher));
        setReuseAddr(true);
        setTcpNoDelay(true);
        setConnectionLostTimeout(0); // the hub runs Pusher's own activity check
    }

    /** Starts and waits until the port is bound. */
    void startAndAwait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("WebSocket server did not start within 10 s");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the WebSocket server", e);
        }
        if (startFailure != null) {
            throw new IllegalStateException("WebSocket server failed to start on " + getAddress(), startFailure);
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        hub.onOpen(conn, handshake.getResourceDescriptor());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        hub.onClose(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        try {
            hub.onMessage(conn, message);
        }
        catch (RuntimeException e) {
            log.warn("Local Pusher server failed on a client message", e);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        hub.onActivity(conn); // binary frames are not part of the protocol: ignored
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        super.onWebsocketPong(conn, f);
        hub.onActivity(conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
            log.warn("Local Pusher WebSocket server error", ex);
        }
        else {
            log.debug("Local Pusher WebSocket error on {}", conn.getRemoteSocketAddress(), ex);
        }
    }

    /** Java-WebSocket's connections, each writing through a {@link ClientSocket}. */
    private record ClientSockets(Flusher flusher) implements WebSocketServerFactory {

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter listener, Draft draft) {
            return new WebSocketImpl(listener, draft);
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter listener, List<Draft> drafts) {
            return new WebSocketImpl(listener, drafts);
        }

        @Override
        public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return new ClientSocket(channel, flusher);
        }

        @Override
        public void close() {
            // the flusher is the server's to close
        }
    }
}
