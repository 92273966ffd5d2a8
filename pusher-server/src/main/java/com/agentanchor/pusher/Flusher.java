package com.agentanchor.pusher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that finishes the writes a {@link ClientSocket} could not finish at once: a client that reads slowly.
 * It watches such a socket on its own selector until nothing waits; Java-WebSocket's selector keeps reading from the
 * same socket meanwhile (a channel may be registered with several selectors). Idle while clients keep up.
 */
final class Flusher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Flusher.class);

    private final Selector selector;
    private final Thread thread;

    Flusher(String name) {
        try {
            selector = Selector.open();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not open a selector", e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Flushes {@code client} once {@code socket} can take more. Called holding the client's monitor. */
    void watch(SocketChannel socket, ClientSocket client) {
        try {
            socket.register(selector, SelectionKey.OP_WRITE, client);
            selector.wakeup();
        }
        catch (ClosedChannelException | CancelledKeyException e) {
            // the connection is closed: nothing is waited for any more
        }
    }

    private void run() {
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
            catch (IOException e) {
                log.warn("Local Pusher flusher failed", e);
            }
            catch (java.nio.channels.ClosedSelectorException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        }
        catch (IOException e) {
            log.debug("Closing the flusher's selector failed", e);
        }
    }
}
