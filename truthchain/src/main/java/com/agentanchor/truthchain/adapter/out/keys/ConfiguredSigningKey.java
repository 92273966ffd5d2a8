package com.agentanchor.truthchain.adapter.out.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.agentanchor.truthchain.application.port.out.SigningKeySource;
import com.agentanchor.truthchain.domain.PlatformKey;
import com.agentanchor.truthchain.domain.Sha256;

/**
 * The platform key, in this order: {@code AGENTANCHOR_TRUTHCHAIN_SIGNING_KEY} (a PKCS#8 PEM, or the base64 of the
 * 32-byte Ed25519 seed: production sets this); else a PEM key file, generated once and then reused so that
 * signatures stay the same key's across restarts: {@code AGENTANCHOR_TRUTHCHAIN_KEY_FILE} if set, else
 * {@code <AGENTANCHOR_DATA_DIR>/truthchain/signing-key.pem} if a data dir is set, else a file in the system temp
 * dir named after the database URL (the embedded database without a data dir is thrown away on exit, and so is
 * what it signed).
 */
@Component
class ConfiguredSigningKey implements SigningKeySource {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredSigningKey.class);

    private final PlatformKey key;
    private final String description;

    ConfiguredSigningKey(@Value("${agentanchor.truthchain.signing-key:}") String configured,
            @Value("${agentanchor.truthchain.key-file:}") String keyFile,
            @Value("${agentanchor.data-dir:}") String dataDir,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        if (!configured.isBlank()) {
            this.key = parse(configured, "AGENTANCHOR_TRUTHCHAIN_SIGNING_KEY");
            this.description = "from AGENTANCHOR_TRUTHCHAIN_SIGNING_KEY";
        } else {
            Path file = keyFile(keyFile, dataDir, databaseUrl);
            this.key = loadOrGenerate(file);
            this.description = "key file " + file;
        }
    }

    @Override
    public PlatformKey signingKey() {
        return key;
    }

    @Override
    public String description() {
        return description;
    }

    static Path keyFile(String keyFile, String dataDir, String databaseUrl) {
        if (!keyFile.isBlank()) {
            return Path.of(keyFile);
        }
        if (!dataDir.isBlank()) {
            return Path.of(dataDir, "truthchain", "signing-key.pem");
        }
        String database = HexFormat.of().formatHex(Sha256.hash(databaseUrl.getBytes(StandardCharsets.UTF_8)), 0, 8);
        return Path.of(System.getProperty("java.io.tmpdir"), "agentanchor-truthchain", "signing-key-" + database + ".pem");
    }

    static PlatformKey parse(String text, String source) {
        // Platforms that hold one-line variables often carry a PEM with literal \n.
        String value = text.strip().replace("\\n", "\n");
        try {
            return value.contains("-----BEGIN") ? PlatformKey.fromPem(value) : PlatformKey.fromSeedBase64(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is neither a PKCS#8 Ed25519 PEM nor a base64 32-byte seed: "
                    + e.getMessage(), e);
        }
    }

    private static PlatformKey loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file), file.toString());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            var generated = PlatformKey.generate();
            // Written to a private temp file and moved into place, so a concurrent start never reads half a key;
            // if another process won the race, its key is the one.
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp");
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temp, generated.toPem());
                Files.move(temp, file); // a rename on one file system; refuses to replace an existing key
                log.warn("Generated a truth chain signing key in {}; set AGENTANCHOR_TRUTHCHAIN_SIGNING_KEY in "
                        + "production", file);
                return generated;
            } catch (FileAlreadyExistsException e) {
                return parse(Files.readString(file), file.toString());
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the truth chain key file " + file, e);
        }
    }
}
