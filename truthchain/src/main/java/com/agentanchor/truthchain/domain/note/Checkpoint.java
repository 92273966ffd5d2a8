package com.agentanchor.truthchain.domain.note;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.agentanchor.truthchain.domain.merkle.MerkleHash;

/**
 * A transparency log checkpoint (c2sp.org/tlog-checkpoint): origin, tree size and RFC 9162 root hash, signed as a
 * note whose key name should be the origin. Extension lines are not supported: the spec does not recommend them and
 * monitors cannot audit them.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("the origin must be a non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        if (rootHash == null || rootHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a root hash has " + MerkleHash.SIZE + " bytes");
        }
        rootHash = rootHash.clone();
    }

    /** Parses a note text of exactly three lines; throws {@link IllegalArgumentException} otherwise. */
    public static Checkpoint parse(String body) {
        NoteText.requireText(body);
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 3) {
            throw new IllegalArgumentException("a checkpoint has origin, size and root hash lines, and no others");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the tree size is a decimal with no leading zeroes");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tree size out of range", e);
        }
        return new Checkpoint(lines[0], size, NoteVerifier.decodeBase64(lines[2]));
    }

    /** The checkpoint in {@code note}, if a trusted key signed it. */
    public static Optional<Checkpoint> open(String note, List<NoteVerifier> trusted) {
        return SignedNote.open(note, trusted).flatMap(text -> {
            try {
                return Optional.of(parse(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    public static Optional<Checkpoint> open(String note, NoteVerifier trusted) {
        return open(note, List.of(trusted));
    }

    /** The note text: {@code origin\nsize\nbase64(root)\n}. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** The signed checkpoint, ready to publish. */
    public String sign(NoteSigner signer) {
        return signer.sign(body());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other && origin.equals(other.origin) && size == other.size
                && Arrays.equals(rootHash, other.rootHash);
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[origin=" + origin + ", size=" + size + ", rootHash="
                + Base64.getEncoder().encodeToString(rootHash) + "]";
    }
}
