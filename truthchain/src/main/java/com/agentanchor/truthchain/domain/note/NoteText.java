package com.agentanchor.truthchain.domain.note;

/** The syntactic rules c2sp.org/signed-note puts on key names and note text. */
final class NoteText {

    private NoteText() {
    }

    /** Non-empty, no Unicode spaces, no plus (the vkey separator), no control characters. */
    static String requireKeyName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a key name must not be empty");
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == '+' || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                throw new IllegalArgumentException("invalid character U+%04X in key name".formatted(cp));
            }
            i += Character.charCount(cp);
        }
        return name;
    }

    /** A non-empty text ending in a newline, with no control character other than newline. */
    static String requireText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text must be non-empty and end with a newline");
        }
        if (hasForbiddenControl(text)) {
            throw new IllegalArgumentException("a note must not contain control characters other than newline");
        }
        return text;
    }

    static boolean hasForbiddenControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                return true;
            }
        }
        return false;
    }
}
