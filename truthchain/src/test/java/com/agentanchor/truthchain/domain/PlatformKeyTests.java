package com.agentanchor.truthchain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PlatformKeyTests {

    // RFC 8032 §7.1, TEST 1 (empty message); the same key is RFC 8037 Appendix A's.
    private static final byte[] SEED = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final byte[] SIGNATURE_OF_EMPTY = hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    @Test
    void matchesRfc8032TestVector() {
        var key = PlatformKey.fromSeed(SEED);
        assertThat(key.publicKey()).isEqualTo(PUBLIC);
        assertThat(key.sign(new byte[0])).isEqualTo(SIGNATURE_OF_EMPTY);
        assertThat(PlatformKey.verify(PUBLIC, new byte[0], SIGNATURE_OF_EMPTY)).isTrue();
    }

    @Test
    void keyIdIsTheRfc8037JwkThumbprint() {
        // RFC 8037 Appendix A.3.
        assertThat(PlatformKey.fromSeed(SEED).keyId()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @Test
    void signsAHashThatThePlainJdkVerifiesWithoutBouncyCastle() throws Exception {
        var key = PlatformKey.generate();
        byte[] hash = Sha256.hash("entry 42".getBytes(StandardCharsets.UTF_8));
        byte[] signature = key.signHash(hash);

        // What an auditor does with the published PEM and nothing but the JDK.
        String pem = key.publicKeyPem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        byte[] spki = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        var publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        var jdk = Signature.getInstance("Ed25519");
        assertThat(jdk.getProvider().getName()).isEqualTo("SunEC");
        jdk.initVerify(publicKey);
        jdk.update(hash);
        assertThat(jdk.verify(signature)).isTrue();

        hash[0] ^= 1;
        jdk.initVerify(publicKey);
        jdk.update(hash);
        assertThat(jdk.verify(signature)).isFalse();
    }

    @Test
    void thePkcs8PemIsReadByTheJdkAndSignsTheSame() throws Exception {
        var key = PlatformKey.fromSeed(SEED);
        String pem = key.toPem();
        assertThat(pem).isEqualTo("""
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
                -----END PRIVATE KEY-----
                """);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        var privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        var jdk = Signature.getInstance("Ed25519");
        jdk.initSign(privateKey);
        byte[] message = "same bytes".getBytes(StandardCharsets.UTF_8);
        jdk.update(message);
        assertThat(jdk.sign()).isEqualTo(key.sign(message)); // Ed25519 is deterministic
    }

    @Test
    void exportsAndImportsTheSeedAndThePem() {
        var key = PlatformKey.generate();
        var fromSeed = PlatformKey.fromSeedBase64(key.seedBase64());
        var fromPem = PlatformKey.fromPem(key.toPem());
        byte[] message = {1, 2, 3};
        assertThat(fromSeed.publicKey()).isEqualTo(key.publicKey());
        assertThat(fromPem.publicKey()).isEqualTo(key.publicKey());
        assertThat(fromPem.keyId()).isEqualTo(key.keyId());
        assertThat(fromSeed.sign(message)).isEqualTo(key.sign(message));
        assertThat(Base64.getDecoder().decode(key.seedBase64())).hasSize(32);
    }

    @Test
    void verificationRejectsTamperingAndGarbageWithoutThrowing() {
        var key = PlatformKey.generate();
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        assertThat(PlatformKey.verify(key.publicKey(), message, signature)).isTrue();
        assertThat(PlatformKey.verify(PlatformKey.generate().publicKey(), message, signature)).isFalse();
        assertThat(PlatformKey.verify(key.publicKey(), "n".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        signature[63] ^= 0x40;
        assertThat(PlatformKey.verify(key.publicKey(), message, signature)).isFalse();
        assertThat(PlatformKey.verify(new byte[31], message, new byte[64])).isFalse();
        assertThat(PlatformKey.verify(key.publicKey(), message, new byte[63])).isFalse();
        assertThat(PlatformKey.verify(null, message, signature)).isFalse();
    }

    @Test
    void refusesWrongSizesAndKeepsThePrivateKeyOutOfToString() {
        var key = PlatformKey.fromSeed(SEED);
        assertThatIllegalArgumentException().isThrownBy(() -> key.signHash(new byte[31]));
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformKey.fromSeed(new byte[31]));
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformKey.fromPem(key.publicKeyPem()));
        assertThat(key.toString()).doesNotContain(key.seedBase64()).contains(key.keyId());
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
