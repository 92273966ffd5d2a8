package com.agentanchor.notifications.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * A place in an inbox, which is read newest first: the last notification a page showed (its time, to the
 * microsecond PostgreSQL keeps, and its id to break ties). The next page holds what is strictly older. Opaque to
 * clients ({@code <epoch microseconds>_<id>}).
 */
@ValueObject
public record InboxCursor(Instant createdAt, UUID id) {

    private static final Pattern FORMAT = Pattern.compile("(-?\\d{1,19})_([0-9a-fA-F-]{36})");

    public InboxCursor {
        if (createdAt == null || id == null) {
            throw new IllegalArgumentException("a cursor names a time and an id");
        }
    }

    public static InboxCursor after(Notification last) {
        return new InboxCursor(last.createdAt(), last.id());
    }

    /** @throws IllegalArgumentException when {@code text} is not a cursor an inbox handed out */
    public static InboxCursor parse(String text) {
        var m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an inbox cursor: use the next value of an earlier page");
        }
        try {
            return new InboxCursor(Instant.EPOCH.plus(Long.parseLong(m.group(1)), ChronoUnit.MICROS),
                    UUID.fromString(m.group(2)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an inbox cursor: use the next value of an earlier page");
        }
    }

    @Override
    public String toString() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "_" + id;
    }
}
