package com.agentanchor.truthchain.domain.note;

import java.util.Arrays;
import java.util.Base64;

/** One signature line of a note: {@code — <key name> <base64(key ID || signature)>}. */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    static final String PREFIX = "\u2014 ";

    public NoteSignature {
        NoteText.requireKeyName(keyName);
        signature = signature.clone();
    }

    /** Parses one line without its newline; throws {@link IllegalArgumentException} if it is malformed. */
    static NoteSignature parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signature line starts with an em dash and a space");
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("a signature line is: em dash, key name, signature");
        }
        byte[] blob = NoteVerifier.decodeBase64(rest.substring(space + 1));
        if (blob.length < 5) {
            throw new IllegalArgumentException("a signature has a 4-byte key ID and at least one byte");
        }
        int keyId = (blob[0] & 0xff) << 24 | (blob[1] & 0xff) << 16 | (blob[2] & 0xff) << 8 | (blob[3] & 0xff);
        return new NoteSignature(rest.substring(0, space), keyId, Arrays.copyOfRange(blob, 4, blob.length));
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    boolean isFrom(NoteVerifier verifier) {
        return keyName.equals(verifier.name()) && keyId == verifier.keyId();
    }

    /** The line, without its trailing newline. */
    String line() {
        byte[] blob = new byte[4 + signature.length];
        blob[0] = (byte) (keyId >>> 24);
        blob[1] = (byte) (keyId >>> 16);
        blob[2] = (byte) (keyId >>> 8);
        blob[3] = (byte) keyId;
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return PREFIX + keyName + " " + Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature other && keyName.equals(other.keyName) && keyId == other.keyId
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return (keyName.hashCode() * 31 + keyId) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return line();
    }
}
