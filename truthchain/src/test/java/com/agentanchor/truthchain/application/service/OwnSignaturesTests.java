package com.agentanchor.truthchain.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnSignaturesTests {

    final byte[] hash = bytes(32, 1);
    final byte[] signature = bytes(64, 2);

    @Test
    void vouchesOnlyForTheRecordKeyHashAndSignatureAsMade() {
        var own = new OwnSignatures();
        own.remember(new OwnSignatures.Signed(7, "key", hash, signature));
        assertThat(own.vouchFor(7, "key", hash.clone(), signature.clone())).isTrue();
        assertThat(own.vouchFor(8, "key", hash, signature)).as("another record").isFalse();
        assertThat(own.vouchFor(7, "other", hash, signature)).as("another key").isFalse();
        assertThat(own.vouchFor(7, "key", bytes(32, 3), signature)).as("other bytes").isFalse();
        assertThat(own.vouchFor(7, "key", hash, bytes(64, 4))).as("another signature").isFalse();
        assertThat(own.vouchFor(7, "key", hash, null)).as("no signature").isFalse();
    }

    @Test
    void forgetsWhatTheVerifiedLogHasTakenIn() {
        var own = new OwnSignatures();
        own.remember(new OwnSignatures.Signed(1, "key", hash, signature));
        own.remember(new OwnSignatures.Signed(2, "key", hash, signature));
        own.forgetThrough(1);
        assertThat(own.vouchFor(1, "key", hash, signature)).isFalse();
        assertThat(own.vouchFor(2, "key", hash, signature)).isTrue();
    }

    private static byte[] bytes(int length, int fill) {
        var bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
