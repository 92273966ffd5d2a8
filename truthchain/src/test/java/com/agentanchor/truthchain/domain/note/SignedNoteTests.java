package com.agentanchor.truthchain.domain.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.agentanchor.truthchain.domain.PlatformKey;

class SignedNoteTests {

    // The example of golang.org/x/mod/sumdb/note (note.go, note_test.go), the reference implementation of
    // c2sp.org/signed-note. Its private key string is PRIVATE+KEY+<name>+<key ID>+base64(0x01 || seed).
    private static final String GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static PlatformKey goKey() {
        byte[] typedSeed = Base64.getDecoder().decode(GO_SKEY.split("\\+", 5)[4]);
        assertThat(typedSeed[0]).isEqualTo((byte) 0x01);
        return PlatformKey.fromSeed(Arrays.copyOfRange(typedSeed, 1, typedSeed.length));
    }

    @Test
    void signsByteForByteLikeTheGoReferenceImplementation() {
        var signer = new NoteSigner("PeterNeumann", goKey());
        assertThat(signer.verifier().keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.verifier().vkey()).isEqualTo(GO_VKEY);
        assertThat(signer.sign(GO_TEXT)).isEqualTo(GO_NOTE);
        assertThat(signer.sign(GO_TEXT).getBytes(StandardCharsets.UTF_8)).startsWith(GO_TEXT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void opensTheGoNoteWithItsVkey() {
        var verifier = NoteVerifier.parse(GO_VKEY);
        assertThat(verifier.name()).isEqualTo("PeterNeumann");
        assertThat(verifier.publicKey()).isEqualTo(goKey().publicKey());
        assertThat(SignedNote.open(GO_NOTE, verifier)).contains(GO_TEXT);
        var parsed = SignedNote.parse(GO_NOTE.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.text()).isEqualTo(GO_TEXT);
        assertThat(parsed.signatures()).singleElement().satisfies(s -> {
            assertThat(s.keyName()).isEqualTo("PeterNeumann");
            assertThat(s.keyId()).isEqualTo(0xc74f20a3);
            assertThat(s.signature()).hasSize(64);
        });
        assertThat(parsed.encode()).isEqualTo(GO_NOTE);
    }

    @Test
    void rejectsAChangedBody() {
        var verifier = NoteVerifier.parse(GO_VKEY);
        assertThat(SignedNote.open(GO_NOTE.replace("problem,", "problem;"), verifier)).isEmpty();
        assertThat(SignedNote.open("x" + GO_NOTE, verifier)).isEmpty();
        assertThat(SignedNote.open(GO_NOTE.replace("is.\n\n", "is.\n\n\n"), verifier)).isEmpty();
    }

    @Test
    void rejectsAnotherKeyUnderTheSameNameAndTheSameKeyUnderAnotherName() {
        var someoneElse = new NoteSigner("PeterNeumann", PlatformKey.generate()).verifier();
        var renamed = new NoteVerifier("PeterNeumann2", goKey().publicKey());
        assertThat(SignedNote.open(GO_NOTE, someoneElse)).isEmpty();
        assertThat(SignedNote.open(GO_NOTE, renamed)).isEmpty();
        assertThat(SignedNote.open(GO_NOTE.replace("\u2014 PeterNeumann ", "\u2014 PeterNeumann2 "), renamed)).isEmpty();
    }

    @Test
    void ignoresUnknownSignaturesButRejectsABadOneFromATrustedKey() {
        var log = new NoteSigner("log.example/a", PlatformKey.generate());
        var witness = new NoteSigner("witness.example", PlatformKey.generate());
        String text = "hello\n\nworld\n";
        var both = new SignedNote(text, List.of(log.signatureOf(text), witness.signatureOf(text))).encode();

        assertThat(SignedNote.open(both, log.verifier())).contains(text);
        assertThat(SignedNote.open(both, witness.verifier())).contains(text);
        assertThat(SignedNote.open(both, List.of(log.verifier(), witness.verifier()))).contains(text);

        // A signature carrying the log's name and key ID but made by another key: the whole note is rejected.
        var impostor = new NoteSignature("log.example/a", log.verifier().keyId(),
                PlatformKey.generate().sign(text.getBytes(StandardCharsets.UTF_8)));
        var forged = new SignedNote(text, List.of(log.signatureOf(text), impostor)).encode();
        assertThat(SignedNote.open(forged, log.verifier())).isEmpty();
        assertThat(SignedNote.open(forged, witness.verifier())).isEmpty();
    }

    @Test
    void rejectsMalformedNotes() {
        var verifier = NoteVerifier.parse(GO_VKEY);
        for (String malformed : List.of(
                GO_NOTE.substring(0, GO_NOTE.length() - 1),             // no final newline
                GO_NOTE.replace("is.\n\n", "is.\n"),                   // no blank line
                GO_TEXT + "\n",                                         // no signatures
                GO_NOTE.replace("\u2014 ", "-- "),                      // not an em dash
                GO_NOTE.replace("\u2014 ", "\u2014"),                   // no space after it
                GO_NOTE.replace("AM=\n", "AM\n"),                       // unpadded base64
                GO_NOTE.replace("x08go/", "x08go_"),                    // not standard base64
                GO_NOTE.replace("PeterNeumann x", "PeterNeumann  x"),   // two spaces
                GO_NOTE.replace("problem,", "problem,\r"),              // a control character
                GO_NOTE.replace("\u2014 PeterNeumann x08go", "\u2014 PeterNeumann AAAA"))) { // too short
            assertThat(SignedNote.open(malformed, verifier)).as(malformed).isEmpty();
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SignedNote.parse(new byte[] {'a', '\n', '\n', (byte) 0xE2, (byte) 0x80, '\n'}));
    }

    @Test
    void keyNamesFollowTheSpec() {
        byte[] key = PlatformKey.generate().publicKey();
        for (String bad : List.of("", "a b", "a+b", "a\u00a0b", "a\tb", "a\u2003b")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> new NoteVerifier(bad, key));
        }
        assertThat(new NoteVerifier("agentanchor.example/truthchain", key).name())
                .isEqualTo("agentanchor.example/truthchain");
        assertThatIllegalArgumentException().isThrownBy(() -> new NoteSigner("x", PlatformKey.generate()).sign("no newline"));
    }

    @Test
    void vkeysRoundTripAndMustBeConsistent() {
        var verifier = new NoteSigner("agentanchor.example/truthchain", PlatformKey.generate()).verifier();
        assertThat(NoteVerifier.parse(verifier.vkey())).isEqualTo(verifier);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NoteVerifier.parse(GO_VKEY.replace("c74f20a3", "c74f20a4")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NoteVerifier.parse(GO_VKEY.replace("+ARpc", "+ZRpc")));
        assertThatIllegalArgumentException().isThrownBy(() -> NoteVerifier.parse("PeterNeumann"));
    }
}
