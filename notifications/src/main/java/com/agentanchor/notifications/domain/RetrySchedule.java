package com.agentanchor.notifications.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * When a webhook that failed is tried again: after 10 s, 1 min, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (close to the
 * schedule Standard Webhooks' authors use), so a receiver that is down for most of a day still gets every
 * notification; after the ninth attempt fails, it is given up.
 */
@ValueObject
public record RetrySchedule(List<Duration> delays) {

    public static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
            Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));

    public RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** How long to wait after attempt {@code attempt} (1 = the first) failed; empty: give up. */
    public Optional<Duration> after(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        return attempt <= delays.size() ? Optional.of(delays.get(attempt - 1)) : Optional.empty();
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
