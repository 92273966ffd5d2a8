package com.agentanchor.realtime.adapter.out.pusher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps one channel from flooding Pusher's message quota: a kind of message ({@code new-event},
 * {@code anomaly-detected}) goes out on a channel at once while that channel's rate allows ({@link #BURST} at once,
 * then {@link #PER_SECOND} a second); past it, what would have gone out is held and sent every {@link #FLUSH_MILLIS}
 * ms as one message standing for all of it: the newest message's own payload with {@code "coalesced":true},
 * {@code count} (how many events it stands for) and {@code events} (the newest {@link #SHOWN}). A channel with
 * anything held keeps its order: later messages join the held ones until they are sent. Never silently nothing.
 * <p>
 * A message sent at once is the listener's own call: a failure leaves its event publication incomplete, and the
 * retry sends it again. What is held lives in this instance's memory until it is sent (a failed send is kept and
 * tried again at the next flush); an instance that dies first loses that summary, never an event (the observer's
 * log has each, and the feed reads them back). The rate is per instance.
 */
@Component
class FloodGate implements AutoCloseable {

    static final int BURST = 100;
    static final int PER_SECOND = 50;
    static final int FLUSH_MILLIS = 100;
    static final int SHOWN = 5;

    private static final Logger log = LoggerFactory.getLogger(FloodGate.class);

    /** Where messages go: {@link PusherPublisher#publish}. */
    interface Sender {
        void send(List<String> channels, String event, Map<String, Object> payload);
    }

    /** A message and the events it stands for: one, or a batch's count with its newest few shown. */
    record Message(Map<String, Object> payload, int count, List<Object> shown) {

        static Message of(Map<String, Object> payload, Object shown) {
            return new Message(payload, 1, List.of(shown));
        }
    }

    private record Lane(String channel, String event) {
    }

    private final Sender sender;
    private final LongSupplier nanoTime;
    private final Map<Lane, Gate> gates = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    @Autowired
    FloodGate(PusherPublisher pusher) {
        this(pusher::publish, System::nanoTime);
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** With a clock of the caller's, and flushed only when the caller says ({@link #flush}): for tests. */
    FloodGate(Sender sender, LongSupplier nanoTime) {
        this.sender = sender;
        this.nanoTime = nanoTime;
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "realtime-flood-gate");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends {@code message} at once on the channels whose rate allows it; holds it for the others. */
    void publish(List<String> channels, String event, Message message) {
        var now = new ArrayList<String>(channels.size());
        for (var channel : channels) {
            if (admit(new Lane(channel, event), message)) {
                now.add(channel);
            }
        }
        if (!now.isEmpty()) {
            sender.send(now, event, message.payload());
        }
    }

    private boolean admit(Lane lane, Message message) {
        while (true) {
            var gate = gates.computeIfAbsent(lane, l -> new Gate(nanoTime.getAsLong()));
            synchronized (gate) {
                if (gate.closed) {
                    continue; // retired by the flusher just now: take the new one
                }
                if (gate.held == null && !gate.sending && gate.take(nanoTime.getAsLong())) {
                    return true;
                }
                gate.hold(message);
                return false;
            }
        }
    }

    /** Sends what each channel holds as one message; retires gates that hold nothing and are full again. */
    void flush() {
        for (var entry : gates.entrySet()) {
            var lane = entry.getKey();
            var gate = entry.getValue();
            Held held;
            synchronized (gate) {
                held = gate.held;
                if (held == null) {
                    if (gate.full(nanoTime.getAsLong())) {
                        gate.closed = true;
                        gates.remove(lane, gate);
                    }
                    continue;
                }
                gate.held = null;
                gate.sending = true; // what comes meanwhile is held, so it cannot overtake these
            }
            try {
                sender.send(List.of(lane.channel()), lane.event(), held.payload(lane));
                held = null;
            } catch (RuntimeException failed) {
                log.warn("Coalesced {} on {} not sent ({} events), kept for the next try: {}", lane.event(),
                        lane.channel(), held.count, failed.getMessage());
            } finally {
                synchronized (gate) {
                    gate.sending = false;
                    if (held != null) {
                        gate.held = gate.held == null ? held : held.then(gate.held);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
    }

    /** A token bucket, and what is held while the channel floods. Guarded by its own monitor. */
    private static final class Gate {

        private double tokens = BURST;
        private long refilledAt;
        private Held held;
        private boolean sending;
        private boolean closed;

        Gate(long now) {
            this.refilledAt = now;
        }

        boolean take(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }

        boolean full(long now) {
            refill(now);
            return tokens >= BURST;
        }

        private void refill(long now) {
            tokens = Math.min(BURST, tokens + (now - refilledAt) * PER_SECOND / 1e9);
            refilledAt = now;
        }

        void hold(Message message) {
            var next = new Held(1, message.count(), message.payload(), new ArrayDeque<>(message.shown()));
            held = held == null ? next.trimmed() : held.then(next);
        }
    }

    /** What a channel holds: how many messages, how many events they stand for, the newest payload, the newest few. */
    private record Held(int messages, int count, Map<String, Object> newest, ArrayDeque<Object> shown) {

        /** This, then {@code later}. */
        Held then(Held later) {
            var both = new ArrayDeque<Object>(shown);
            both.addAll(later.shown);
            return new Held(messages + later.messages, count + later.count, later.newest, both).trimmed();
        }

        Held trimmed() {
            while (shown.size() > SHOWN) {
                shown.removeFirst();
            }
            return this;
        }

        /** One message held goes out as it was; more as one standing for all of them. */
        Map<String, Object> payload(Lane lane) {
            if (messages == 1) {
                return newest;
            }
            var payload = new LinkedHashMap<>(newest);
            payload.put("eventId", UUID.nameUUIDFromBytes((newest.get("eventId") + "/coalesced/" + lane.channel()
                    + "/" + count).getBytes(StandardCharsets.UTF_8)));
            payload.put("coalesced", true);
            payload.put("count", count);
            payload.put("events", List.copyOf(shown));
            return payload;
        }
    }
}
