package com.agentanchor.observer.domain;

import java.util.regex.Pattern;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * A place in the observer's log: the writing transaction's id and the event's sequence number. The log is read in
 * this order and only up to the oldest transaction still running, so everything before a cursor is final: a
 * reader that follows it never misses an event and never sees one twice. Opaque to clients ({@code tx-sequence}).
 */
@ValueObject
public record FeedCursor(long tx, long sequence) implements Comparable<FeedCursor> {

    /** Before every event. */
    public static final FeedCursor START = new FeedCursor(0, 0);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    public FeedCursor {
        if (tx < 0 || sequence < 0) {
            throw new IllegalArgumentException("a cursor is not negative");
        }
    }

    /** @throws IllegalArgumentException when {@code text} is not a cursor this log handed out */
    public static FeedCursor parse(String text) {
        var m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a feed cursor: use the next value of an earlier page");
        }
        try {
            return new FeedCursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a feed cursor: use the next value of an earlier page");
        }
    }

    /** Where a reader stands once every transaction older than {@code oldestRunningTx} has ended. */
    public static FeedCursor beforeTransaction(long oldestRunningTx) {
        return new FeedCursor(Math.max(0, oldestRunningTx), 0);
    }

    @Override
    public int compareTo(FeedCursor other) {
        return tx != other.tx ? Long.compare(tx, other.tx) : Long.compare(sequence, other.sequence);
    }

    public FeedCursor max(FeedCursor other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public String toString() {
        return tx + "-" + sequence;
    }
}
