package com.agentanchor.pusher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One client's socket, through which every byte to that client goes. Java-WebSocket writes what it queues from its one
 * selector thread, so a message to 500 subscribers was 500 socket writes in a row on one core, 6–10 µs each here. The
 * hub writes its frames here instead, from the threads that publish them ({@link FanOut} spreads a fan-out over
 * several), while the library's own frames (the handshake's answer, pongs, pings, close) still come through
 * {@link #write} from its selector. Both in the order they arrive: what the socket cannot take at once waits, and goes
 * before anything newer, flushed by the {@link Flusher} when the socket can take more.
 */
final class ClientSocket implements ByteChannel {

    private final SocketChannel socket;
    private final Flusher flusher;
    /** Bytes the socket has not taken yet, oldest first. Guarded by this. */
    private final ArrayDeque<ByteBuffer> waiting = new ArrayDeque<>();

    ClientSocket(SocketChannel socket, Flusher flusher) {
        this.socket = socket;
        this.flusher = flusher;
    }

    /** Takes all of {@code src}: whatever the socket does not take now waits, copied, for the flusher. */
    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        int length = src.remaining();
        if (writeWaiting()) {
            socket.write(src);
        }
        if (src.hasRemaining()) {
            waiting.add(ByteBuffer.allocate(src.remaining()).put(src).flip());
            flusher.watch(socket, this);
        }
        return length;
    }

    /** Writes what waits, as far as the socket takes it; true when nothing waits any more. Holding this monitor. */
    private boolean writeWaiting() throws IOException {
        for (ByteBuffer head = waiting.peek(); head != null; head = waiting.peek()) {
            socket.write(head);
            if (head.hasRemaining()) {
                return false;
            }
            waiting.poll();
        }
        return true;
    }

    /** Called by the flusher with the socket ready for more; stops watching once nothing waits. */
    synchronized void flush(SelectionKey watch) throws IOException {
        if (writeWaiting()) {
            watch.interestOps(0); // under this monitor: a write that leaves bytes waiting watches again after it
        }
    }

    /** Writes that wait for the socket to take them. */
    synchronized int waiting() {
        return waiting.size();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return socket.read(dst);
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
