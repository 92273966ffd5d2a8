package com.agentanchor.observer.domain;

import java.util.OptionalInt;

/**
 * The observer's first anomaly rule: an agent losing {@link #SHARP_DROP} or more trust points in one change (a
 * rejected significant request, a suspension). The score is the drop, at most 100.
 */
public final class TrustWatch {

    public static final int SHARP_DROP = 30;

    private TrustWatch() {
    }

    public static OptionalInt anomalyScore(int change) {
        return change <= -SHARP_DROP ? OptionalInt.of(Math.min(100, -change)) : OptionalInt.empty();
    }
}
