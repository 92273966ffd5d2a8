package com.agentanchor.pusher;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that finishes the writes a {@link ClientSocket} could not finish at once: a client that reads slowly.
 * It watches such a socket on its own selector until nothing waits; Java-WebSocket's selector keeps reading from the
 * same socket meanwhile (a channel may be registered with several selectors). The selector and its thread exist from
 * the first slow client on: a server whose clients keep up has neither.
 */
final class Flusher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Flusher.class);

    private final String name;
    /** Guarded by this. */
    private Selector selector;
    private boolean closed;

    Flusher(String name) {
        this.name = name;
    }

    /** Flushes {@code client} once {@code socket} can take more. Called holding the client's monitor. */
    void watch(SocketChannel socket, ClientSocket client) throws IOException {
        Selector watching = selector();
        try {
            if (watching != null) {
                socket.register(watching, SelectionKey.OP_WRITE, client);
                watching.wakeup();
            }
        }
        catch (ClosedChannelException | CancelledKeyException | ClosedSelectorException e) {
            // the connection or the server is closed: nothing is waited for any more
        }
    }

    private synchronized Selector selector() throws IOException {
        if (selector == null && !closed) {
            Selector opened = Selector.open();
            Thread thread = new Thread(() -> run(opened), name);
            thread.setDaemon(true);
            thread.start();
            selector = opened;
        }
        return selector;
    }

    private static void run(Selector selector) {
        while (selector.isOpen()) {
            try {
                selector.select(key -> {
                    try {
                        ((ClientSocket) key.attachment()).flush(key);
                    }
                    catch (IOException | CancelledKeyException e) {
                        key.cancel(); // closed: Java-WebSocket's selector sees it too and closes the connection
                    }
                });
            }
            catch (ClosedSelectorException e) {
                return;
            }
            catch (IOException e) {
                log.warn("Local Pusher flusher failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (selector != null) {
            try {
                selector.close();
            }
            catch (IOException e) {
                log.debug("Closing the flusher's selector failed", e);
            }
        }
    }
}
