package com.agentanchor.truthchain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VerificationKeyTests {

    @Test
    void verifiesWhatThePlatformKeySignedUnderItsThumbprint() {
        var key = PlatformKey.generate();
        var published = VerificationKey.of(key.publicKey());
        byte[] hash = Sha256.hash("record".getBytes(StandardCharsets.UTF_8));
        byte[] signature = key.signHash(hash);

        assertThat(published.keyId()).isEqualTo(key.keyId()).isEqualTo(PlatformKey.keyIdOf(key.publicKey()));
        assertThat(published.verifyHash(hash, signature)).isTrue();
        hash[31] ^= 1;
        assertThat(published.verifyHash(hash, signature)).isFalse();
        assertThat(published.verifyHash(hash, new byte[63])).isFalse();
        assertThat(published.verifyHash(new byte[31], signature)).isFalse();
        assertThat(published.verifyHash(hash, null)).isFalse();
    }

    @Test
    void refusesWhatIsNotAPublicKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> VerificationKey.of(new byte[31]));
        assertThatIllegalArgumentException().isThrownBy(() -> VerificationKey.of(null));
    }
}
