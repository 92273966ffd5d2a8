package com.agentanchor.platform.web;

/**
 * Text the server takes from a client, wherever it arrives (a JSON string or key, a query parameter): PostgreSQL
 * cannot store a NUL character, and an unpaired UTF-16 surrogate is no character at all (the driver would write it
 * as {@code ?}, silently). Both are refused as the client's mistake, naming where they were, before anything is
 * written.
 */
final class AcceptableText {

    private AcceptableText() {
    }

    /** Why {@code text} is refused, or {@code null} when it is acceptable. */
    static String problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (\\u" + Integer.toHexString(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (\\u" + Integer.toHexString(c) + ")";
            }
        }
        return null;
    }
}
