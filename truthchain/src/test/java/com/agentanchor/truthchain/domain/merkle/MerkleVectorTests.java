package com.agentanchor.truthchain.domain.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * The transparency-dev/merkle proof vectors: every happy path verifies, every corrupted proof is rejected, and our
 * generator reproduces the happy-path proofs from the RFC 6962 reference leaves.
 */
class MerkleVectorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // The eight leaves of the RFC 6962 reference tree that the vectors were generated from.
    private static final List<byte[]> REFERENCE_LEAVES = Stream.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(hex -> MerkleHash.leaf(HexFormat.of().parseHex(hex))).toList();
    private static final MerkleTree REFERENCE_TREE = MerkleTree.of(REFERENCE_LEAVES);

    // Go's uint64 fields: BigInteger, mapped to the long with the same 64 bits (so 2^64 - 1 becomes -1).
    record Inclusion(BigInteger leafIdx, BigInteger treeSize, String root, String leafHash, List<String> proof, String desc,
            boolean wantErr) {
    }

    record Consistency(BigInteger size1, BigInteger size2, String root1, String root2, List<String> proof, String desc,
            boolean wantErr) {
    }

    @TestFactory
    Stream<DynamicTest> inclusionVectors() throws Exception {
        List<Path> files = vectorFiles("merkle/inclusion");
        assertThat(files).hasSize(98);
        return files.stream().map(file -> dynamicTest(name(file), () -> {
            var v = JSON.readValue(Files.readAllBytes(file), Inclusion.class);
            long index = v.leafIdx().longValue();
            long size = v.treeSize().longValue();
            boolean verified = MerkleProofs.verifyInclusion(index, size, b64(v.leafHash()), hashes(v.proof()),
                    b64(v.root()));
            assertThat(verified).as(v.desc()).isEqualTo(!v.wantErr());
            if (!v.wantErr() && size <= REFERENCE_LEAVES.size()
                    && Arrays.equals(REFERENCE_LEAVES.get((int) index), b64(v.leafHash()))) {
                assertThat(REFERENCE_TREE.rootHash(size)).isEqualTo(b64(v.root()));
                assertThat(REFERENCE_TREE.inclusionProof(index, size)).containsExactlyElementsOf(hashes(v.proof()));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() throws Exception {
        List<Path> files = vectorFiles("merkle/consistency");
        assertThat(files).hasSize(98);
        return files.stream().map(file -> dynamicTest(name(file), () -> {
            var v = JSON.readValue(Files.readAllBytes(file), Consistency.class);
            long size1 = v.size1().longValue();
            long size2 = v.size2().longValue();
            boolean verified = MerkleProofs.verifyConsistency(size1, size2, hashes(v.proof()), b64(v.root1()),
                    b64(v.root2()));
            assertThat(verified).as(v.desc()).isEqualTo(!v.wantErr());
            if (!v.wantErr() && size2 <= REFERENCE_LEAVES.size()
                    && Arrays.equals(REFERENCE_TREE.rootHash(size2), b64(v.root2()))) {
                assertThat(REFERENCE_TREE.rootHash(size1)).isEqualTo(b64(v.root1()));
                assertThat(REFERENCE_TREE.consistencyProof(size1, size2)).containsExactlyElementsOf(hashes(v.proof()));
            }
        }));
    }

    @Test
    void referenceTreeHasTheRfc6962Root() {
        assertThat(Base64.getEncoder().encodeToString(REFERENCE_TREE.rootHash(8)))
                .isEqualTo("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");
        assertThat(REFERENCE_TREE.rootHash(0)).isEqualTo(MerkleHash.emptyRoot());
        assertThat(HexFormat.of().formatHex(MerkleHash.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private static List<Path> vectorFiles(String dir) throws Exception {
        var url = MerkleVectorTests.class.getResource("/vectors/" + dir);
        assertThat(url).as("test vectors on the classpath").isNotNull();
        try (var files = Files.walk(Path.of(url.toURI()))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    private static byte[] b64(String text) {
        return Base64.getDecoder().decode(text);
    }

    // A JSON null proof is Go's nil slice: no elements.
    private static List<byte[]> hashes(List<String> proof) {
        return proof == null ? List.of() : proof.stream().map(MerkleVectorTests::b64).toList();
    }
}
