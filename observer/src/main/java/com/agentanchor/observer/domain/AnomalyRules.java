package com.agentanchor.observer.domain;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * What the observer flags as an anomaly, all in one place. A flagged event carries a score (1 to 100) and
 * {@code flagged}, and goes out live as {@code anomaly-detected} to the agent's owner (and on observer-feed when the
 * agent is public).
 * <ul>
 * <li><b>Sharp trust drop</b>: an agent loses {@value #SHARP_DROP} or more trust points in one change (a rejected
 * significant request, a suspension). The score is the drop, at most 100; the anomaly is an event of its own.
 * <li><b>Error burst</b>: an agent reports its {@value #ERROR_BURST}th error or critical event within
 * {@link #ERROR_WINDOW}, and every one after it while the burst lasts. That report itself is flagged.
 * <li><b>Denial run</b>: an agent is refused for the {@value #DENIAL_RUN}th time within {@link #DENIAL_WINDOW},
 * and every time after it while the run lasts. That authorization check is flagged.
 * </ul>
 * For the last two the score starts at 50 and rises by 5 with each event past the threshold, up to 100.
 */
public final class AnomalyRules {

    public static final int SHARP_DROP = 30;
    public static final int ERROR_BURST = 10;
    public static final Duration ERROR_WINDOW = Duration.ofMinutes(1);
    public static final int DENIAL_RUN = 5;
    public static final Duration DENIAL_WINDOW = Duration.ofMinutes(10);

    private AnomalyRules() {
    }

    public static OptionalInt trustDrop(int change) {
        return change <= -SHARP_DROP ? OptionalInt.of(Math.min(100, -change)) : OptionalInt.empty();
    }

    /** {@code errors}: the agent's error and critical events in the window, this one included. */
    public static OptionalInt errorBurst(int errors) {
        return pastThreshold(errors, ERROR_BURST);
    }

    /** {@code denials}: the agent's refused authorizations in the window, this one included. */
    public static OptionalInt denialRun(int denials) {
        return pastThreshold(denials, DENIAL_RUN);
    }

    /** Whether an event of {@code severity} counts toward an error burst. */
    public static boolean isError(EventSeverity severity) {
        return severity == EventSeverity.error || severity == EventSeverity.critical;
    }

    private static OptionalInt pastThreshold(int count, int threshold) {
        return count >= threshold ? OptionalInt.of(Math.min(100, 50 + 5 * (count - threshold)))
                : OptionalInt.empty();
    }
}
