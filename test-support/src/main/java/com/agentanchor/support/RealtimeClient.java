package com.agentanchor.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.pusher.client.AuthorizationFailureException;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;

/**
 * An unmodified pusher-java-client connected to a Pusher-protocol server (the app's own, or one the app publishes
 * to), authorizing private channels through the app's own {@code /api/realtime/auth} with a bearer token, as the web
 * app does.
 */
public final class RealtimeClient implements AutoCloseable {

    public final Pusher pusher;
    public final BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> subscribed = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> refused = new LinkedBlockingQueue<>();

    public RealtimeClient(String key, String host, int wsPort, int appPort, String token) {
        var options = new PusherOptions().setHost(host).setWsPort(wsPort).setUseTLS(false)
                .setMaxReconnectionAttempts(0);
        if (token != null) {
            options.setChannelAuthorizer((channel, socketId) -> authorize(appPort, token, channel, socketId));
        }
        pusher = new Pusher(key, options);
        var connected = new CountDownLatch(1);
        pusher.connect(new ConnectionEventListener() {
            @Override
            public void onConnectionStateChange(ConnectionStateChange change) {
                if (change.getCurrentState() == ConnectionState.CONNECTED) {
                    connected.countDown();
                }
            }

            @Override
            public void onError(String message, String code, Exception e) {
            }
        }, ConnectionState.ALL);
        await(connected);
    }

    public void subscribePrivate(String channel, String... eventNames) {
        pusher.subscribePrivate(channel, new Recorder(channel), eventNames);
    }

    public void subscribePresence(String channel, String... eventNames) {
        pusher.subscribePresence(channel, new Recorder(channel), eventNames);
    }

    public void subscribe(String channel, String... eventNames) {
        pusher.subscribe(channel, new Recorder(channel), eventNames);
    }

    public String awaitSubscription() throws InterruptedException {
        return subscribed.poll(5, TimeUnit.SECONDS);
    }

    /** Every event that arrives within {@code window}, or until {@code count} have. */
    public List<PusherEvent> collect(int count, Duration window) throws InterruptedException {
        return collect(count, window, event -> true);
    }

    /**
     * Like {@link #collect(int, Duration)}, counting only events whose data names one of {@code subjects} (an id, a
     * title): channels such as observer-feed are shared with the whole suite, and another test's late or retried
     * delivery must not take a place.
     */
    public List<PusherEvent> collectAbout(int count, Duration window, String... subjects) throws InterruptedException {
        return collect(count, window, event -> Arrays.stream(subjects).anyMatch(event.getData()::contains));
    }

    /** The events about {@code subject} that arrive until each of {@code names} has been seen, or the window ends. */
    public List<PusherEvent> awaitAll(String subject, Duration window, String... names) throws InterruptedException {
        var got = new ArrayList<PusherEvent>();
        var missing = new HashSet<>(List.of(names));
        long deadline = System.nanoTime() + window.toNanos();
        while (!missing.isEmpty()) {
            var next = next(deadline, event -> event.getData().contains(subject));
            if (next == null) {
                break;
            }
            got.add(next);
            missing.remove(next.getEventName());
        }
        return got;
    }

    private List<PusherEvent> collect(int count, Duration window, Predicate<PusherEvent> counted)
            throws InterruptedException {
        var got = new ArrayList<PusherEvent>();
        long deadline = System.nanoTime() + window.toNanos();
        while (got.size() < count) {
            var next = next(deadline, counted);
            if (next == null) {
                break;
            }
            got.add(next);
        }
        return got;
    }

    private PusherEvent next(long deadline, Predicate<PusherEvent> counted) throws InterruptedException {
        PusherEvent next;
        do {
            next = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (next != null && !counted.test(next));
        return next;
    }

    @Override
    public void close() {
        pusher.disconnect();
    }

    /** Records what one channel delivers; the presence listener covers private and public channels too. */
    private final class Recorder implements PresenceChannelEventListener {

        private final String channel;

        Recorder(String channel) {
            this.channel = channel;
        }

        @Override
        public void onEvent(PusherEvent event) {
            events.add(event);
        }

        @Override
        public void onSubscriptionSucceeded(String name) {
            subscribed.add(name);
        }

        @Override
        public void onAuthenticationFailure(String message, Exception e) {
            refused.add(channel + ": " + message);
        }

        @Override
        public void onUsersInformationReceived(String name, Set<User> users) {
        }

        @Override
        public void userSubscribed(String name, User user) {
        }

        @Override
        public void userUnsubscribed(String name, User user) {
        }
    }

    private static String authorize(int appPort, String token, String channel, String socketId) {
        try {
            var form = "socket_id=" + URLEncoder.encode(socketId, StandardCharsets.UTF_8) + "&channel_name="
                    + URLEncoder.encode(channel, StandardCharsets.UTF_8);
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + appPort + "/api/realtime/auth"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AuthorizationFailureException("HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AuthorizationFailureException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("not connected within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
