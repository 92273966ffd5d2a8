package com.agentanchor.truthchain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CanonicalJsonTests {

    @TestFactory
    Stream<DynamicTest> everyRfc8785VectorCanonicalizesToTheExpectedBytes() throws Exception {
        Path jcs = vectors("jcs");
        List<Path> inputs;
        try (var files = Files.list(jcs.resolve("input"))) {
            inputs = files.sorted().toList();
        }
        assertThat(inputs).hasSize(6);
        return inputs.stream().map(input -> dynamicTest(input.getFileName().toString(), () -> {
            String name = input.getFileName().toString();
            byte[] expected = Files.readAllBytes(jcs.resolve("output").resolve(name));
            byte[] expectedFromHex = HexFormat.of().parseHex(
                    Files.readString(jcs.resolve("outhex").resolve(name.replace(".json", ".txt"))).replaceAll("\\s", ""));
            assertThat(expectedFromHex).isEqualTo(expected);

            assertThat(CanonicalJson.canonicalize(Files.readString(input))).isEqualTo(expected);
            assertThat(CanonicalJson.canonicalize(Files.readAllBytes(input))).isEqualTo(expected);
            // Canonical output is a fixed point.
            assertThat(CanonicalJson.canonicalize(expected)).isEqualTo(expected);
        }));
    }

    @Test
    void sortsKeysDropsWhitespaceAndNormalizesNumbersWhereJsonbWouldNot() {
        assertThat(CanonicalJson.canonicalString("{\"b\":1,\"aa\":2,\"a\":3,\"n\":1.0,\"e\":1e2,\"u\":\"é\",\"f\":0.1}"))
                .isEqualTo("{\"a\":3,\"aa\":2,\"b\":1,\"e\":100,\"f\":0.1,\"n\":1,\"u\":\"é\"}");
    }

    @Test
    void rejectsWhatIsNotIJson() {
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"a\":"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{'a':1}"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("[1e400]"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("[\"\\ud800\"]"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(new byte[] {'"', (byte) 0xC3, '"'}));
    }

    @Test
    void outputIsUtf8() {
        assertThat(CanonicalJson.canonicalize("[\"\\u00e9\"]"))
                .isEqualTo("[\"é\"]".getBytes(StandardCharsets.UTF_8));
    }

    static Path vectors(String dir) throws URISyntaxException, IOException {
        var url = CanonicalJsonTests.class.getResource("/vectors/" + dir);
        assertThat(url).as("test vectors on the classpath").isNotNull();
        return Path.of(url.toURI());
    }
}
