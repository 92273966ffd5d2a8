package com.agentanchor.truthchain.domain.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A note text and its signatures (c2sp.org/signed-note). The signed bytes are the UTF-8 text including its final
 * newline; the blank line before the signatures is not signed.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Go's {@code sumdb/note} limit; the spec asks verifiers to accept at least 16. */
    static final int MAX_SIGNATURES = 100;

    public SignedNote {
        NoteText.requireText(text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note carries 1 to " + MAX_SIGNATURES + " signatures");
        }
    }

    /** Parses strictly; throws {@link IllegalArgumentException} for anything that is not a well-formed note. */
    public static SignedNote parse(String note) {
        if (note == null || !note.endsWith("\n") || NoteText.hasForbiddenControl(note)) {
            throw new IllegalArgumentException("a note ends with a newline and has no other control characters");
        }
        // The text ends at the last blank line: the text itself may contain blank lines, signatures cannot.
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || split + 2 == note.length()) {
            throw new IllegalArgumentException("a note has a blank line and then its signatures");
        }
        String text = note.substring(0, split + 1);
        var signatures = new ArrayList<NoteSignature>();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(NoteSignature.parse(line));
        }
        return new SignedNote(text, signatures);
    }

    /** Parses a note as received; rejects bytes that are not valid UTF-8. */
    public static SignedNote parse(byte[] note) {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(note)).toString());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a note must be valid UTF-8", e);
        }
    }

    /**
     * The verified text of {@code note}, or empty when it is malformed or not verified by the trusted keys. Follows
     * the spec: signatures from unknown keys are ignored, every signature from a trusted key must verify, and at
     * least one must be present.
     */
    public static Optional<String> open(String note, List<NoteVerifier> trusted) {
        SignedNote parsed;
        try {
            parsed = parse(note);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return parsed.isVerifiedBy(trusted) ? Optional.of(parsed.text) : Optional.empty();
    }

    public static Optional<String> open(String note, NoteVerifier trusted) {
        return open(note, List.of(trusted));
    }

    public boolean isVerifiedBy(List<NoteVerifier> trusted) {
        byte[] signed = text.getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (NoteSignature signature : signatures) {
            for (NoteVerifier verifier : trusted) {
                if (signature.isFrom(verifier)) {
                    if (!verifier.verify(signed, signature.signature())) {
                        return false;
                    }
                    verified = true;
                }
            }
        }
        return verified;
    }

    /** The wire form: text, blank line, one line per signature. */
    public String encode() {
        var note = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            note.append(signature.line()).append('\n');
        }
        return note.toString();
    }

    @Override
    public String toString() {
        return encode();
    }
}
