package com.agentanchor.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark's light client: many Pusher WebSocket connections served by one thread, non-blocking
 * {@link SocketChannel}s on one {@link Selector}, speaking just enough of RFC 6455 to subscribe and to timestamp
 * each {@code perf} event.
 * <p>
 * Why: the JDK's {@code java.net.http.WebSocket} hands every message to an executor, so 500 of them in the server's
 * JVM on two cores measure the clients as much as the server. Here a message costs one {@code read} and a few bytes of
 * parsing on a single thread (about 4 us here), so most of what is left of the latency is the server's and the
 * kernel's. Not all: this thread still shares the machine's cores with the server.
 * <p>
 * Not a general client: it takes unfragmented text frames (all the server sends a subscriber), answers pings, and
 * ignores every other frame. It does not check {@code Sec-WebSocket-Accept}, only the 101.
 */
final class NioWebSocketClients implements AutoCloseable {

    /** Called on the client thread with the number in a {@code perf} event's data and when its bytes were read. */
    interface PerfListener {
        void received(int seq, long readNanos);
    }

    private static final int OP_TEXT = 0x1;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;

    /** One connection's buffers and where it is in the handshake. */
    private static final class Connection {
        final SocketChannel socket;
        final String channel;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024); // far more than a frame this benchmark receives
        ByteBuffer out; // bytes the socket did not take yet, or null
        boolean upgraded; // the server answered 101

        Connection(SocketChannel socket, String channel) {
            this.socket = socket;
            this.channel = channel;
        }
    }

    private final Selector selector;
    private final String handshake;
    private final PerfListener listener;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Opens one connection to {@code ws://host:port/path} for each entry of {@code channels} (repeat a name for
     * several subscribers) and subscribes it there once the server has said {@code pusher:connection_established}.
     */
    NioWebSocketClients(InetSocketAddress server, String path, List<String> channels, PerfListener listener)
            throws IOException {
        this.selector = Selector.open();
        this.listener = listener;
        this.handshake = "GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n";
        // registered before the thread starts: register() blocks while another thread is in select()
        for (String channel : channels) {
            var socket = SocketChannel.open();
            socket.configureBlocking(false);
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            socket.connect(server);
            socket.register(selector, SelectionKey.OP_CONNECT, new Connection(socket, channel));
        }
        this.thread = new Thread(this::loop, "bench-nio-clients");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                selector.select();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            for (var it = selector.selectedKeys().iterator(); it.hasNext();) {
                var key = it.next();
                it.remove();
                var c = (Connection) key.attachment();
                try {
                    if (key.isConnectable() && c.socket.finishConnect()) {
                        key.interestOps(SelectionKey.OP_READ);
                        var nonce = new byte[16];
                        ThreadLocalRandom.current().nextBytes(nonce);
                        write(key, ByteBuffer.wrap((handshake + "Sec-WebSocket-Key: "
                                + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII)));
                    }
                    if (key.isValid() && key.isWritable()) {
                        write(key, null);
                    }
                    if (key.isValid() && key.isReadable()) {
                        read(key, c);
                    }
                } catch (IOException | RuntimeException e) {
                    if (running) {
                        System.err.println("light client: connection dropped: " + e);
                    }
                    key.cancel();
                    closeQuietly(c.socket);
                }
            }
        }
    }

    private void read(SelectionKey key, Connection c) throws IOException {
        if (c.socket.read(c.in) < 0) {
            throw new IOException("closed by the server");
        }
        long now = System.nanoTime(); // every frame in this read arrived by now
        c.in.flip();
        try {
            if (!c.upgraded && !upgrade(c.in)) {
                return; // the response head is not complete yet
            }
            c.upgraded = true;
            while (frame(key, c, now)) {
                // next frame
            }
        } finally {
            c.in.compact();
        }
    }

    /** Consumes the HTTP response head if it is all there; fails unless it is a 101. */
    private static boolean upgrade(ByteBuffer in) {
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                var head = new byte[i - in.position()];
                in.get(head);
                in.position(i + 4);
                var status = new String(head, StandardCharsets.US_ASCII).lines().findFirst().orElse("");
                if (!status.startsWith("HTTP/1.1 101")) {
                    throw new IllegalStateException("handshake refused: " + status);
                }
                return true;
            }
        }
        return false;
    }

    /** Handles one server frame if it is all in the buffer; false when more bytes are needed. */
    private boolean frame(SelectionKey key, Connection c, long now) throws IOException {
        var in = c.in;
        if (in.remaining() < 2) {
            return false;
        }
        in.mark();
        int b0 = in.get() & 0xFF;
        int b1 = in.get() & 0xFF;
        if ((b1 & 0x80) != 0) {
            throw new IllegalStateException("the server masked a frame"); // RFC 6455 5.1: servers must not
        }
        long length = b1 & 0x7F;
        if (length == 126 && in.remaining() >= 2) {
            length = in.getShort() & 0xFFFF;
        } else if (length == 127 && in.remaining() >= 8) {
            length = in.getLong();
        } else if (length >= 126) {
            in.reset();
            return false;
        }
        if (length > in.capacity() - 14) {
            throw new IllegalStateException("frame of " + length + " bytes, larger than the buffer");
        }
        if (in.remaining() < length) {
            in.reset();
            return false;
        }
        var payload = new byte[(int) length];
        in.get(payload);
        boolean fin = (b0 & 0x80) != 0;
        switch (b0 & 0x0F) {
            case OP_TEXT -> {
                if (fin) {
                    text(key, c, payload, now);
                }
            }
            case OP_PING -> send(key, OP_PONG, payload);
            case OP_CLOSE -> throw new IOException("close frame from the server");
            default -> {
                // pong, binary, continuation: nothing the benchmark needs
            }
        }
        return true;
    }

    private void text(SelectionKey key, Connection c, byte[] payload, long now) throws IOException {
        var message = new String(payload, StandardCharsets.UTF_8);
        if (message.startsWith("{\"event\":\"perf\"")) {
            // {"event":"perf","channel":"…","data":"7"}: the data is the trigger's sequence number
            int at = message.indexOf("\"data\":\"") + 8;
            listener.received(Integer.parseInt(message.substring(at, message.indexOf('"', at))), now);
        } else if (message.contains("pusher:connection_established")) {
            send(key, OP_TEXT, ("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + c.channel + "\"}}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sends one frame, masked as every client frame must be (RFC 6455 5.3). */
    private void send(SelectionKey key, int opcode, byte[] payload) throws IOException {
        var frame = ByteBuffer.allocate(14 + payload.length).put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        } else if (payload.length < 65_536) {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(payload.length);
        }
        var mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask); // a benchmark's masks need not be unguessable
        frame.put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i & 3]));
        }
        write(key, frame.flip());
    }

    /** Writes what is pending and then {@code more} (may be null); asks for OP_WRITE while anything is left. */
    private static void write(SelectionKey key, ByteBuffer more) throws IOException {
        var c = (Connection) key.attachment();
        if (more != null) {
            c.out = c.out == null ? more
                    : ByteBuffer.allocate(c.out.remaining() + more.remaining()).put(c.out).put(more).flip();
        }
        if (c.out != null) {
            c.socket.write(c.out);
            if (!c.out.hasRemaining()) {
                c.out = null;
            }
        }
        key.interestOps(c.out == null ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Stops the thread and drops every connection (no close handshake: the server is closed next). */
    @Override
    public void close() throws InterruptedException, IOException {
        running = false;
        selector.wakeup();
        thread.join(5_000);
        for (var key : selector.keys()) {
            closeQuietly(((Connection) key.attachment()).socket);
        }
        selector.close();
    }
}
