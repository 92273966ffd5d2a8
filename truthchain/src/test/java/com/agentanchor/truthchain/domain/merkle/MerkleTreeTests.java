package com.agentanchor.truthchain.domain.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Property checks over every tree size up to 64, against the RFC's recursive definition of MTH. Wrong sizes are not
 * probed here: a proof can legitimately verify under a neighbouring size whose tree has the same shape along the
 * path, and it is the signed checkpoint that binds root and size together. The vectors cover size tampering.
 */
class MerkleTreeTests {

    private static final int MAX = 64;

    private static final List<byte[]> LEAVES = new ArrayList<>();
    static {
        for (int i = 0; i < MAX + 3; i++) {
            LEAVES.add(MerkleHash.leaf(ByteBuffer.allocate(4).putInt(i).array()));
        }
    }

    // The log is longer than any tree asked about, as a database-backed one would be.
    private final MerkleTree tree = new MerkleTree(index -> LEAVES.get((int) index).clone());

    @Test
    void rootMatchesTheRecursiveDefinitionForEverySize() {
        for (int n = 0; n <= MAX; n++) {
            assertThat(tree.rootHash(n)).as("size %d", n).isEqualTo(naiveRoot(LEAVES.subList(0, n)));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndNoOtherLeafOrPositionDoes() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = tree.rootHash(n);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = tree.inclusionProof(i, n);
                assertThat(MerkleProofs.verifyInclusion(i, n, LEAVES.get(i), proof, root))
                        .as("leaf %d of %d", i, n).isTrue();
                assertThat(MerkleProofs.verifyInclusion(i, n, LEAVES.get(i + 1), proof, root)).isFalse();
                if (n > 1) {
                    int other = (i + 1) % n;
                    assertThat(MerkleProofs.verifyInclusion(other, n, LEAVES.get(i), proof, root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(i, n, LEAVES.get(i), proof.subList(1, proof.size()),
                            root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(i, n, LEAVES.get(i), flipped(proof, proof.size() - 1),
                            root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndTamperedOnesDoNot() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root2 = tree.rootHash(n);
            for (int m = 1; m <= n; m++) {
                byte[] root1 = tree.rootHash(m);
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(MerkleProofs.verifyConsistency(m, n, proof, root1, root2))
                        .as("%d to %d", m, n).isTrue();
                if (m == n) {
                    assertThat(proof).isEmpty();
                    continue;
                }
                assertThat(MerkleProofs.verifyConsistency(m, n, proof, root2, root1)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, proof, root1, tree.rootHash(n - 1))).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, flipped(proof, 0), root1, root2)).isFalse();
                var longer = new ArrayList<>(proof);
                longer.add(root1);
                assertThat(MerkleProofs.verifyConsistency(m, n, longer, root1, root2)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, proof.subList(0, proof.size() - 1), root1, root2))
                        .isFalse();
            }
        }
    }

    @Test
    void proofsHaveLogarithmicLength() {
        assertThat(tree.inclusionProof(0, 64)).hasSize(6);
        assertThat(tree.inclusionProof(62, 63)).hasSize(5); // the last leaf sits one level higher
        assertThat(tree.inclusionProof(0, 1)).isEmpty();
        assertThat(tree.consistencyProof(32, 64)).hasSize(1);
    }

    @Test
    void readsOnlyTheLeavesItNeeds() {
        var reads = new AtomicLong();
        var counted = new MerkleTree(index -> {
            reads.incrementAndGet();
            return LEAVES.get((int) index);
        });
        counted.inclusionProof(5, 40);
        assertThat(reads.get()).isLessThanOrEqualTo(40);
    }

    @Test
    void refusesQuestionsOutsideTheTree() {
        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(3, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.inclusionProof(-1, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(0, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.consistencyProof(4, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> tree.rootHash(-1));
        assertThatIllegalStateException().isThrownBy(() -> MerkleTree.of(LEAVES.subList(0, 2)).rootHash(3));
        assertThatIllegalStateException().isThrownBy(() -> new MerkleTree(i -> new byte[31]).rootHash(1));
    }

    private static byte[] naiveRoot(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return MerkleHash.node(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, n)));
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at) {
        var copy = new ArrayList<byte[]>(proof);
        byte[] hash = Arrays.copyOf(copy.get(at), MerkleHash.SIZE);
        hash[7] ^= 0x10;
        copy.set(at, hash);
        return copy;
    }
}
