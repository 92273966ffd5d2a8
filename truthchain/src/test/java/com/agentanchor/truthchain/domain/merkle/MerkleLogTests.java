package com.agentanchor.truthchain.domain.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The cached, append-only tree gives exactly what {@link MerkleTree} (checked against the RFC and vectors) gives. */
class MerkleLogTests {

    private static final int MAX = 70;

    private static final List<byte[]> LEAVES = new ArrayList<>();
    static {
        for (int i = 0; i < MAX; i++) {
            LEAVES.add(MerkleHash.leaf(ByteBuffer.allocate(4).putInt(i).array()));
        }
    }

    private final MerkleTree reference = MerkleTree.of(LEAVES);

    @Test
    void rootsAndProofsEqualTheReferenceForEverySize() {
        var log = new MerkleLog();
        assertThat(log.rootHash(0)).isEqualTo(MerkleHash.emptyRoot());
        for (int n = 1; n <= MAX; n++) {
            log.append(LEAVES.get(n - 1));
            assertThat(log.size()).isEqualTo(n);
            assertThat(log.rootHash(n)).as("root after %d", n).isEqualTo(reference.rootHash(n));
        }
        // The log is longer than any tree asked about.
        for (int size = 1; size <= MAX; size++) {
            byte[] root = log.rootHash(size);
            assertThat(root).as("root of %d", size).isEqualTo(reference.rootHash(size));
            for (int index = 0; index < size; index++) {
                var proof = log.inclusionProof(index, size);
                assertThat(proof).as("inclusion %d in %d", index, size)
                        .containsExactlyElementsOf(reference.inclusionProof(index, size));
                assertThat(MerkleProofs.verifyInclusion(index, size, log.leafHash(index), proof, root)).isTrue();
            }
            for (int from = 1; from <= size; from++) {
                var proof = log.consistencyProof(from, size);
                assertThat(proof).as("consistency %d..%d", from, size)
                        .containsExactlyElementsOf(reference.consistencyProof(from, size));
                assertThat(MerkleProofs.verifyConsistency(from, size, proof, log.rootHash(from), root)).isTrue();
            }
        }
    }

    @Test
    void answersOnlyWithinItsSize() {
        var log = new MerkleLog();
        LEAVES.subList(0, 5).forEach(log::append);
        assertThatIllegalArgumentException().isThrownBy(() -> log.rootHash(6));
        assertThatIllegalArgumentException().isThrownBy(() -> log.inclusionProof(5, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> log.consistencyProof(0, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> log.consistencyProof(3, 6));
        assertThatIllegalArgumentException().isThrownBy(() -> log.append(new byte[31]));
    }

    @Test
    void holdsAHundredThousandLeavesInPagesAndStaysFast() {
        var log = new MerkleLog();
        for (int i = 0; i < 100_000; i++) {
            log.append(MerkleHash.leaf(ByteBuffer.allocate(4).putInt(i).array()));
        }
        assertThat(log.leafHash(99_999)).isEqualTo(MerkleHash.leaf(ByteBuffer.allocate(4).putInt(99_999).array()));
        var proof = log.inclusionProof(54_321, 100_000);
        assertThat(proof).hasSizeLessThanOrEqualTo(17);
        assertThat(MerkleProofs.verifyInclusion(54_321, 100_000, log.leafHash(54_321), proof, log.rootHash(100_000)))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(65_537, 100_000, log.consistencyProof(65_537, 100_000),
                log.rootHash(65_537), log.rootHash(100_000))).isTrue();
    }
}
