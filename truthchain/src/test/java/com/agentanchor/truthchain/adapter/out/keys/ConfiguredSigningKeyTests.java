package com.agentanchor.truthchain.adapter.out.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.agentanchor.truthchain.domain.PlatformKey;

class ConfiguredSigningKeyTests {

    @TempDir
    Path dir;

    @Test
    void takesTheConfiguredKeyAsABase64SeedOrAPemEvenWithLiteralNewlines() {
        var key = PlatformKey.generate();
        assertThat(new ConfiguredSigningKey(key.seedBase64(), "", "", "").signingKey().keyId()).isEqualTo(key.keyId());
        assertThat(new ConfiguredSigningKey(key.toPem().replace("\n", "\\n"), "", "", "").signingKey().keyId())
                .isEqualTo(key.keyId());
        assertThatIllegalStateException().isThrownBy(() -> new ConfiguredSigningKey("not a key", "", "", ""))
                .withMessageContaining("AGENTANCHOR_TRUTHCHAIN_SIGNING_KEY");
    }

    @Test
    void withoutOneGeneratesAPrivateKeyFileOnceAndReusesIt() throws Exception {
        var first = new ConfiguredSigningKey("", "", dir.toString(), "jdbc:postgresql://db/x").signingKey();
        Path file = dir.resolve("truthchain/signing-key.pem");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        var again = new ConfiguredSigningKey("", "", dir.toString(), "jdbc:postgresql://db/x").signingKey();
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(new ConfiguredSigningKey("", file.toString(), "", "").signingKey().keyId()).isEqualTo(first.keyId());
    }

    @Test
    void withoutADataDirTheFileIsNamedAfterTheDatabase() {
        assertThat(ConfiguredSigningKey.keyFile("", "", "jdbc:postgresql://a/x"))
                .isNotEqualTo(ConfiguredSigningKey.keyFile("", "", "jdbc:postgresql://b/x"))
                .isEqualTo(ConfiguredSigningKey.keyFile("", "", "jdbc:postgresql://a/x"));
        assertThat(ConfiguredSigningKey.keyFile("/k.pem", "/data", "u")).isEqualTo(Path.of("/k.pem"));
    }
}
