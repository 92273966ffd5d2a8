package com.agentanchor.pusher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;

/** One client connection: its socket id, channels, presence identities and heartbeat state. */
final class PusherConnection {

    static final int OVER_CAPACITY = 4100;

    final WebSocketImpl ws;
    final String socketId;
    final int protocol;
    /** Channels this connection is subscribed to. Written under the hub's lock. */
    final Set<String> channels = ConcurrentHashMap.newKeySet();
    /** Presence channel name to this connection's user_id there. Written under the hub's lock. */
    final Map<String, String> presenceUserIds = new ConcurrentHashMap<>();

    volatile long lastSeenNanos;
    /** When the server pinged and has not heard back since; 0 when no ping is outstanding. */
    volatile long pingSentNanos;
    /** The user id of {@code pusher:signin}, or null. */
    volatile String signedInUserId;

    private final ClientSocket socket;
    private final int maxQueuedFrames;
    private long rateWindowStartNanos;
    private int rateCount;

    PusherConnection(WebSocketImpl ws, String socketId, int protocol, int maxQueuedFrames) {
        this.ws = ws;
        this.socket = (ClientSocket) ws.getChannel();
        this.socketId = socketId;
        this.protocol = protocol;
        this.maxQueuedFrames = maxQueuedFrames;
        this.lastSeenNanos = System.nanoTime();
    }

    void touch() {
        lastSeenNanos = System.nanoTime();
        pingSentNanos = 0;
    }

    /** Sends a text message; false when the socket is closed or was closed for not reading. */
    boolean send(String text) {
        return send(Message.of(ws.getDraft(), text));
    }

    /**
     * Sends a message framed once for many connections; false when the socket is closed or was closed for not
     * reading. Written to the socket at once, unless Java-WebSocket still has frames of its own queued for it (the
     * handshake's answer, right after it opens): then behind them. Sends hold this connection's monitor so a
     * subscription can be registered and confirmed as one step (see ChannelHub).
     */
    synchronized boolean send(Message message) {
        if (!ws.isOpen() || overloaded()) {
            return false;
        }
        try {
            if (ws.outQueue.isEmpty()) {
                socket.write(message.bytes().duplicate());
            }
            else {
                ws.sendFrame(message.frames());
            }
            return true;
        }
        catch (IOException | WebsocketNotConnectedException e) {
            return false;
        }
    }

    void close(int code, String reason) {
        ws.close(code, reason);
    }

    /** Sends {@code pusher:error} and closes with the same code. */
    void fail(int code, String message) {
        send(Json.error(code, message));
        close(code, message);
    }

    /** A fixed one-second window of client events. */
    synchronized boolean tryClientEvent(int perSecond) {
        long now = System.nanoTime();
        if (now - rateWindowStartNanos >= 1_000_000_000L) {
            rateWindowStartNanos = now;
            rateCount = 0;
        }
        if (rateCount >= perSecond) {
            return false;
        }
        rateCount++;
        return true;
    }

    private boolean overloaded() {
        if (ws.outQueue.size() + socket.waiting() >= maxQueuedFrames) {
            ws.close(OVER_CAPACITY, "Over capacity: the client does not read its messages");
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return "PusherConnection[" + socketId + "]";
    }

    /** A message framed once for every connection it goes to: its frames, and the bytes that carry them. */
    record Message(List<Framedata> frames, ByteBuffer bytes) {

        /**
         * With a server's draft: its frames are the same bytes on every connection (no extensions). Off the heap, so
         * that each connection's write hands the kernel these bytes as they are: a heap buffer is copied into a
         * temporary direct one on every write, 500 copies for a message to 500 subscribers.
         */
        static Message of(Draft draft, String text) {
            List<Framedata> frames = draft.createFrames(text, false);
            List<ByteBuffer> parts = frames.stream().map(draft::createBinaryFrame).toList();
            ByteBuffer bytes = ByteBuffer.allocateDirect(parts.stream().mapToInt(ByteBuffer::remaining).sum());
            parts.forEach(bytes::put);
            return new Message(frames, bytes.flip().asReadOnlyBuffer());
        }
    }
}
