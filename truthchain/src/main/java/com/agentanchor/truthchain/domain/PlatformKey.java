package com.agentanchor.truthchain.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * The platform's Ed25519 signing key (RFC 8032). A class rather than a record so that the private half never shows
 * up in {@code toString}, {@code equals} or an accessor. Signs through BouncyCastle's lightweight API (no JCA
 * provider lookup per signature); what it signs verifies with the plain JDK, see {@link #publicKeyPem()}.
 */
public final class PlatformKey {

    public static final int SEED_SIZE = 32;
    public static final int PUBLIC_KEY_SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;

    // RFC 8410 DER prefixes: PKCS#8 v1 PrivateKeyInfo and X.509 SubjectPublicKeyInfo for id-Ed25519 (1.3.101.112).
    // v1 without the optional public key is what OpenSSL writes and every JDK reads.
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    private static final byte[] SPKI_PREFIX = hex("302a300506032b6570032100");

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;
    private final String keyId;

    private PlatformKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
        this.keyId = thumbprint(publicKey);
    }

    public static PlatformKey generate() {
        return new PlatformKey(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    /** The key whose RFC 8032 32-byte private seed this is. */
    public static PlatformKey fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has " + SEED_SIZE + " bytes");
        }
        return new PlatformKey(new Ed25519PrivateKeyParameters(seed));
    }

    /** Inverse of {@link #seedBase64()}: how the key travels in an environment variable. */
    public static PlatformKey fromSeedBase64(String seed) {
        return fromSeed(Base64.getDecoder().decode(seed.strip()));
    }

    /** Reads an unencrypted PKCS#8 {@code PRIVATE KEY} PEM, as written by {@link #toPem()} or OpenSSL. */
    public static PlatformKey fromPem(String pem) {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(pemBody(pem, "PRIVATE KEY"));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a PKCS#8 private key", e);
        }
        if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw new IllegalArgumentException("not an Ed25519 key: " + key.getClass().getSimpleName());
        }
        return new PlatformKey(ed25519);
    }

    public String seedBase64() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    /** PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), readable by OpenSSL and the JDK's KeyFactory. */
    public String toPem() {
        return pem("PRIVATE KEY", concat(PKCS8_PREFIX, privateKey.getEncoded()));
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}): what an auditor is handed. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", concat(SPKI_PREFIX, publicKey));
    }

    /**
     * RFC 7638 JWK thumbprint of the public key (RFC 8037 OKP form), base64url: a standard, reproducible id that
     * also works as a JWS {@code kid}.
     */
    public String keyId() {
        return keyId;
    }

    /** The {@link #keyId()} a key with this raw 32-byte public key has, for checking a published key's id. */
    public static String keyIdOf(byte[] publicKey) {
        if (publicKey == null || publicKey.length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has " + PUBLIC_KEY_SIZE + " bytes");
        }
        return thumbprint(publicKey);
    }

    public byte[] sign(byte[] message) {
        var signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Signs a SHA-256 digest such as a chain entry hash; refuses anything else so a caller cannot mix them up. */
    public byte[] signHash(byte[] sha256) {
        if (sha256 == null || sha256.length != Sha256.SIZE) {
            throw new IllegalArgumentException("expected a " + Sha256.SIZE + "-byte SHA-256 hash");
        }
        return sign(sha256);
    }

    /** Ed25519 verification; false (never an exception) for a malformed key or signature. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != PUBLIC_KEY_SIZE || message == null
                || signature == null || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            var verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (IllegalArgumentException e) {
            return false; // not a point on the curve
        }
    }

    @Override
    public String toString() {
        return "PlatformKey[keyId=" + keyId + "]";
    }

    private static String thumbprint(byte[] publicKey) {
        // The required members in lexicographic order, no whitespace (RFC 7638 §3.2, RFC 8037 §2).
        String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey) + "\"}";
        byte[] digest = Sha256.hash(jwk.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + type + " PEM block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
