package com.agentanchor.platform.text;

/**
 * Text the server takes from a client, wherever it arrives (a JSON string or key, a query parameter, an OTLP span's
 * name or attribute): PostgreSQL cannot store a NUL character, and an unpaired UTF-16 surrogate is no character at
 * all (the driver would write it as {@code ?}, silently). Both are refused as the client's mistake, naming where
 * they were, before anything is written.
 */
public final class AcceptableText {

    private AcceptableText() {
    }

    /** Why {@code text} is refused, or {@code null} when it is acceptable. */
    public static String problem(CharSequence text) {
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
                return unpaired(c);
            }
            if (Character.isLowSurrogate(c)) {
                return unpaired(c);
            }
        }
        return null;
    }

    /**
     * The same for the strings of a well-formed JSON document as written (Jackson's, for a jsonb column, which
     * refuses an escaped NUL too): its escapes are read, so an escaped NUL counts and an escaped backslash followed
     * by the letters {@code u0000} does not.
     */
    public static String problemInJson(CharSequence json) {
        var read = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                char escaped = json.charAt(++i);
                if (escaped == 'u' && i + 4 < json.length()) {
                    c = (char) Integer.parseInt(json, i + 1, i + 5, 16);
                    i += 4;
                } else {
                    c = escaped;
                }
            }
            read.append(c);
        }
        return problem(read);
    }

    private static String unpaired(char c) {
        return "must not contain an unpaired surrogate (\\u" + Integer.toHexString(c) + ")";
    }
}
