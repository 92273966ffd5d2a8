package com.agentanchor.truthchain.domain.note;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.agentanchor.truthchain.domain.PlatformKey;

/** Signs note texts under a key name with the platform key (c2sp.org/signed-note, signature type Ed25519). */
public final class NoteSigner {

    private final PlatformKey key;
    private final NoteVerifier verifier;

    public NoteSigner(String name, PlatformKey key) {
        this.key = key;
        this.verifier = new NoteVerifier(name, key.publicKey());
    }

    public String name() {
        return verifier.name();
    }

    /** The public half, for publishing as a vkey. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** The signature over {@code text} (which must end in a newline), with this key's name and ID. */
    public NoteSignature signatureOf(String text) {
        byte[] signature = key.sign(NoteText.requireText(text).getBytes(StandardCharsets.UTF_8));
        return new NoteSignature(verifier.name(), verifier.keyId(), signature);
    }

    /** The signed note: text, a blank line, and this key's signature line. */
    public String sign(String text) {
        return new SignedNote(text, List.of(signatureOf(text))).encode();
    }
}
