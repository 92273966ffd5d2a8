package com.agentanchor.truthchain.domain.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.agentanchor.truthchain.domain.PlatformKey;
import com.agentanchor.truthchain.domain.merkle.MerkleHash;

class CheckpointTests {

    private static final String ORIGIN = "agentanchor.example/truthchain";
    private static final byte[] ROOT = Base64.getDecoder().decode("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");

    @Test
    void bodyIsOriginSizeAndRootEachOnALine() {
        var checkpoint = new Checkpoint(ORIGIN, 8, ROOT);
        assertThat(checkpoint.body())
                .isEqualTo("agentanchor.example/truthchain\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
        assertThat(new Checkpoint(ORIGIN, 0, MerkleHash.emptyRoot()).body())
                .isEqualTo(ORIGIN + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void signedCheckpointOpensOnlyWithTheLogKey() {
        var signer = new NoteSigner(ORIGIN, PlatformKey.generate());
        var checkpoint = new Checkpoint(ORIGIN, 20852163, ROOT);
        String note = checkpoint.sign(signer);

        assertThat(note).startsWith(checkpoint.body() + "\n\u2014 " + ORIGIN + " ").endsWith("\n");
        assertThat(note.lines().toList()).hasSize(5);
        assertThat(Checkpoint.open(note, signer.verifier())).contains(checkpoint);
        assertThat(Checkpoint.open(note, NoteVerifier.parse(signer.verifier().vkey()))).contains(checkpoint);

        assertThat(Checkpoint.open(note.replace("\n20852163\n", "\n20852164\n"), signer.verifier())).isEmpty();
        assertThat(Checkpoint.open(note, new NoteSigner(ORIGIN, PlatformKey.generate()).verifier())).isEmpty();
        assertThat(Checkpoint.open(note, List.of())).isEmpty();
    }

    @Test
    void aVerifiedNoteThatIsNotACheckpointIsNotOpened() {
        var signer = new NoteSigner(ORIGIN, PlatformKey.generate());
        assertThat(Checkpoint.open(signer.sign("just text\n"), signer.verifier())).isEmpty();
    }

    @Test
    void parsingIsStrict() {
        String root = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";
        for (String bad : List.of(
                ORIGIN + "\n08\n" + root + "\n",                     // leading zero
                ORIGIN + "\n-1\n" + root + "\n",                     // negative
                ORIGIN + "\n99999999999999999999\n" + root + "\n",   // beyond a long
                ORIGIN + "\n8\n" + root + "\nextension\n",           // extension lines
                ORIGIN + "\n8\n" + root,                             // no final newline
                "\n8\n" + root + "\n",                               // empty origin
                ORIGIN + "\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQw==\n",  // 31 bytes
                ORIGIN + "\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz-Nw7_RgQyg=\n",  // base64url
                ORIGIN + "\n8\n" + root.replace("=", "") + "\n")) {            // unpadded
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Checkpoint.parse(bad));
        }
    }

    @Test
    void isAValue() {
        byte[] root = ROOT.clone();
        var checkpoint = new Checkpoint(ORIGIN, 8, root);
        root[0] ^= 1;
        checkpoint.rootHash()[1] ^= 1;
        assertThat(checkpoint).isEqualTo(new Checkpoint(ORIGIN, 8, ROOT)).hasSameHashCodeAs(new Checkpoint(ORIGIN, 8, ROOT));
        assertThat(checkpoint.toString()).contains("XcnaeacG");
    }
}
