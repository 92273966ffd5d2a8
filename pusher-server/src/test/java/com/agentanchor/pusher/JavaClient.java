package com.agentanchor.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.pusher.client.ChannelAuthorizer;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.UserAuthenticator;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PresenceChannel;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;

/** An unmodified pusher-java-client 2.4.4 (protocol 5) connected to a {@link LocalPusherServer}, recording what it gets. */
final class JavaClient implements AutoCloseable {

    static final long WAIT_SECONDS = 5;

    final Pusher pusher;
    final BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
    /** Connection errors: "code message". */
    final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    final BlockingQueue<String> subscribed = new LinkedBlockingQueue<>();
    /** Presence changes seen: "+id", "-id". */
    final BlockingQueue<String> members = new LinkedBlockingQueue<>();
    final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();

    private JavaClient(Pusher pusher) {
        this.pusher = pusher;
    }

    static JavaClient connect(LocalPusherServer server, ChannelAuthorizer authorizer) {
        return connect(server, authorizer, null);
    }

    static JavaClient connect(LocalPusherServer server, ChannelAuthorizer authorizer, UserAuthenticator users) {
        PusherOptions options = new PusherOptions().setHost(server.host()).setWsPort(server.wsPort())
                .setUseTLS(false).setMaxReconnectionAttempts(0);
        if (authorizer != null) {
            options.setChannelAuthorizer(authorizer);
        }
        if (users != null) {
            options.setUserAuthenticator(users);
        }
        JavaClient client = new JavaClient(new Pusher(server.config().key(), options));
        CountDownLatch connected = new CountDownLatch(1);
        client.pusher.connect(new ConnectionEventListener() {
            @Override
            public void onConnectionStateChange(ConnectionStateChange change) {
                client.states.add(change.getCurrentState());
                if (change.getCurrentState() == ConnectionState.CONNECTED) {
                    connected.countDown();
                }
            }

            @Override
            public void onError(String message, String code, Exception e) {
                client.errors.add(code + " " + message);
            }
        }, ConnectionState.ALL);
        await(connected);
        return client;
    }

    String socketId() {
        return pusher.getConnection().getSocketId();
    }

    private final ChannelEventListener publicListener = new ChannelEventListener() {
        @Override
        public void onSubscriptionSucceeded(String channel) {
            subscribed.add(channel);
        }

        @Override
        public void onEvent(PusherEvent event) {
            events.add(event);
        }
    };

    private final PresenceChannelEventListener presenceListener = new PresenceChannelEventListener() {
        @Override
        public void onUsersInformationReceived(String channel, Set<User> users) {
        }

        @Override
        public void userSubscribed(String channel, User user) {
            members.add("+" + user.getId());
        }

        @Override
        public void userUnsubscribed(String channel, User user) {
            members.add("-" + user.getId());
        }

        @Override
        public void onAuthenticationFailure(String message, Exception e) {
            errors.add("auth " + message);
        }

        @Override
        public void onSubscriptionSucceeded(String channel) {
            subscribed.add(channel);
        }

        @Override
        public void onEvent(PusherEvent event) {
            events.add(event);
        }
    };

    void subscribe(String channel, String... eventNames) {
        pusher.subscribe(channel, publicListener, eventNames);
        awaitSubscribed(channel);
    }

    PrivateChannel subscribePrivate(String channel, String... eventNames) {
        PrivateChannel ch = pusher.subscribePrivate(channel, presenceListener, eventNames);
        awaitSubscribed(channel);
        return ch;
    }

    /** Subscribes without waiting: for refusals. */
    PrivateChannel trySubscribePrivate(String channel) {
        return pusher.subscribePrivate(channel, presenceListener);
    }

    PresenceChannel subscribePresence(String channel, String... eventNames) {
        PresenceChannel ch = pusher.subscribePresence(channel, presenceListener, eventNames);
        awaitSubscribed(channel);
        return ch;
    }

    /**
     * Waits for this channel's confirmation, passing over repeats of earlier ones: the client re-sends pending
     * subscriptions when its connection reports CONNECTED, and the server confirms a repeat again, as Pusher does.
     */
    private void awaitSubscribed(String channel) {
        String confirmed;
        do {
            confirmed = poll(subscribed);
        } while (confirmed != null && !confirmed.equals(channel));
        assertThat(confirmed).as("subscription_succeeded for %s", channel).isEqualTo(channel);
    }

    static <T> T poll(BlockingQueue<T> queue) {
        try {
            return queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Nothing arrives within a short while. */
    static <T> void assertQuiet(BlockingQueue<T> queue, long millis) {
        try {
            assertThat(queue.poll(millis, TimeUnit.MILLISECONDS)).isNull();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("within %d s", WAIT_SECONDS).isTrue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        pusher.disconnect();
    }
}
