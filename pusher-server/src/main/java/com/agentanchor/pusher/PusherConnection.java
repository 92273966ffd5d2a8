package com.agentanchor.pusher;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;

/** One client connection: its socket id, channels, presence identities and heartbeat state. */
final class PusherConnection {

    static final int OVER_CAPACITY = 4100;

    final WebSocket ws;
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

    private final int maxQueuedFrames;
    private long rateWindowStartNanos;
    private int rateCount;

    PusherConnection(WebSocket ws, String socketId, int protocol, int maxQueuedFrames) {
        this.ws = ws;
        this.socketId = socketId;
        this.protocol = protocol;
        this.maxQueuedFrames = maxQueuedFrames;
        this.lastSeenNanos = System.nanoTime();
    }

    void touch() {
        lastSeenNanos = System.nanoTime();
        pingSentNanos = 0;
    }

    /**
     * Queues a text frame; false when the socket is closed or was closed for not reading. Sends hold this
     * connection's monitor so a subscription can be registered and confirmed as one step (see ChannelHub).
     */
    synchronized boolean send(String text) {
        if (!ws.isOpen() || overloaded()) {
            return false;
        }
        try {
            ws.send(text);
            return true;
        }
        catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    /** Queues frames prepared once for many connections. */
    synchronized boolean send(Collection<Framedata> frames) {
        if (!ws.isOpen() || overloaded()) {
            return false;
        }
        try {
            ws.sendFrame(frames);
            return true;
        }
        catch (WebsocketNotConnectedException e) {
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
        if (ws instanceof WebSocketImpl impl && impl.outQueue.size() >= maxQueuedFrames) {
            ws.close(OVER_CAPACITY, "Over capacity: the client does not read its messages");
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return "PusherConnection[" + socketId + "]";
    }
}
