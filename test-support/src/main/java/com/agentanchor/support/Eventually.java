package com.agentanchor.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

/** For tests that share one database: names nobody else uses, and waiting (boundedly) for asynchronous work. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Eventually() {
    }

    /** {@code name} with a random suffix, so that tests sharing a database never meet each other's rows. */
    public static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Polls {@code condition} until it holds; fails after 10 s. */
    public static void await(Callable<Boolean> condition) throws Exception {
        var deadline = Instant.now().plus(PATIENCE);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + PATIENCE.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
