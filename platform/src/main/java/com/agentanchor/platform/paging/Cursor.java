package com.agentanchor.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.agentanchor.platform.refusal.Refusal;

/**
 * A keyset position (the last row's sort key and id) under the name of the list it belongs to, base64url-encoded so
 * that clients treat it as opaque. A cursor of another list, or none of ours, is refused as an invalid parameter
 * rather than read as something else: a client's mistake is a 400 naming the parameter, never a 500.
 */
public record Cursor(String list, List<String> parts) {

    public Cursor {
        parts = List.copyOf(parts);
    }

    /** Newest-first lists ordered by creation time, with the id breaking ties. */
    public static Cursor of(String list, Instant createdAt, UUID id) {
        return new Cursor(list, List.of(createdAt.toString(), id.toString()));
    }

    public static Cursor of(String list, long sequence) {
        return new Cursor(list, List.of(Long.toString(sequence)));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + "|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position {@code token} names, which must be a cursor of {@code list}; null when there is none.
     *
     * @throws Invalid naming {@code parameter} when it is not a cursor this list gave out
     */
    public static Position decode(String token, String list, String parameter) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            var text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            var parts = List.of(text.split("\\|", -1));
            if (parts.size() >= 2 && parts.get(0).equals(list)) {
                return new Position(parameter, parts.subList(1, parts.size()));
            }
        } catch (IllegalArgumentException e) {
            // not base64: refused below like any other stranger
        }
        throw new Invalid(parameter);
    }

    /** A decoded cursor's parts, each read as what the list put there; anything else is the client's mistake. */
    public record Position(String parameter, List<String> parts) {

        public Instant createdAt() {
            try {
                if (parts.size() == 2) {
                    return Instant.parse(parts.get(0));
                }
            } catch (DateTimeParseException e) {
                // refused below
            }
            throw new Invalid(parameter);
        }

        public UUID id() {
            try {
                if (parts.size() == 2) {
                    return UUID.fromString(parts.get(1));
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
            throw new Invalid(parameter);
        }

        public long sequence() {
            try {
                if (parts.size() == 1) {
                    return Long.parseLong(parts.get(0));
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new Invalid(parameter);
        }
    }

    /** Not a cursor of this list: the client made it up, altered it, or took it from another list. */
    public static class Invalid extends Refusal.Invalid {

        public Invalid(String parameter) {
            super(parameter, "not a cursor of this list; pass the next of a page");
        }
    }
}
