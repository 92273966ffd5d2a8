package com.agentanchor.truthchain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Format 2 and sealed records: their canonical layout, read back strictly, and the commitment to an opening. */
class SealedRecordTests {

    static final String PREVIOUS = "ab".repeat(32);
    static final Instant AT = Instant.parse("2025-01-02T03:04:05.123456Z");

    @Test
    void aSealedRecordSignsTheCommitmentAndNoActorAndReadsBackAsWritten() {
        var owner = UUID.randomUUID();
        var sealed = PrivateFields.seal(Actor.user(owner), "{\"name\":\"Scout\",\"ownerId\":\"" + owner + "\"}");
        var record = new TruthRecord(7, RecordType.agent_creation, Subject.agent(UUID.randomUUID()), null,
                "{\"occurredAt\":\"x\"}", AT, PREVIOUS, 2, sealed.commitment());
        byte[] canonical = record.canonical();
        String text = new String(canonical, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"actor\":null,\"commitment\":\"" + sealed.commitment()
                + "\",\"createdAt\":\"2025-01-02T03:04:05.123456Z\",\"format\":2,\"payload\":{\"occurredAt\":\"x\"}")
                .doesNotContain("Scout").doesNotContain(owner.toString());
        assertThat(CanonicalJson.canonicalize(canonical)).isEqualTo(canonical);
        assertThat(TruthRecord.parse(canonical)).isEqualTo(record);
        assertThat(TruthRecord.link(canonical)).isEqualTo(new TruthRecord.Link(7, PREVIOUS));
    }

    @Test
    void anOpeningOpensItsCommitmentOnlyAsItWasSealed() {
        var sealed = PrivateFields.seal(Actor.system(), "{\"name\":\"Scout\"}");
        String opening = new String(sealed.opening(), StandardCharsets.UTF_8);
        assertThat(opening).matches("\\{\"actor\":\\{\"id\":null,\"type\":\"system\"\\},\"payload\":\\{\"name\":\"Scout\"\\},"
                + "\"salt\":\"[0-9a-f]{64}\"\\}");
        assertThat(sealed.commitment()).isEqualTo(HexFormat.of().formatHex(Sha256.hash(sealed.opening())));
        assertThat(PrivateFields.opens(sealed.opening(), sealed.commitment())).isTrue();
        assertThat(PrivateFields.opens(opening.replace("Scout", "Scoot").getBytes(StandardCharsets.UTF_8),
                sealed.commitment())).isFalse();
        assertThat(PrivateFields.opens(new byte[] { (byte) 0xff }, sealed.commitment())).isFalse();
        assertThat(PrivateFields.opens(null, sealed.commitment())).isFalse();
        // Salted: the same fields sealed twice give two unrelated commitments.
        assertThat(PrivateFields.seal(Actor.system(), "{\"name\":\"Scout\"}").commitment())
                .isNotEqualTo(sealed.commitment());
    }

    @Test
    void formatsAreExplicitAndSealingIsFormatTwoOnly() {
        var v1 = new TruthRecord(1, RecordType.system_event, new Subject("system", UUID.randomUUID()),
                Actor.system(), "{}", AT, TruthRecord.GENESIS_PREVIOUS_HASH);
        assertThat(new String(v1.canonical(), StandardCharsets.UTF_8)).doesNotContain("format");
        assertThat(TruthRecord.parse(v1.canonical()).format()).isEqualTo(1);
        assertThatThrownBy(() -> new TruthRecord(1, RecordType.system_event, v1.subject(), null, "{}", AT,
                TruthRecord.GENESIS_PREVIOUS_HASH, 1, "cd".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TruthRecord(1, RecordType.system_event, v1.subject(), Actor.system(), "{}", AT,
                TruthRecord.GENESIS_PREVIOUS_HASH, 2, "cd".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        String unknown = new String(v1.canonical(), StandardCharsets.UTF_8).replace("\",\"payload\"",
                "\",\"format\":3,\"payload\"");
        assertThatThrownBy(() -> TruthRecord.parse(unknown.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TruthRecord.MalformedRecord.class);
    }
}
