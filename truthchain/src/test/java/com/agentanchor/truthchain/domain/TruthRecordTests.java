package com.agentanchor.truthchain.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TruthRecordTests {

    static final UUID AGENT = UUID.fromString("0b7e8f52-1c44-4c1e-9c55-3f7a1e2d9a01");
    static final UUID USER = UUID.fromString("5d2f0c3a-8e1b-4f7d-a2c6-9b4e7d1f3c02");
    static final Instant AT = Instant.parse("2025-01-02T03:04:05.123456Z");

    static TruthRecord sample(String payload) {
        return TruthRecord.create(7, RecordType.agent_creation, Subject.agent(AGENT), Actor.user(USER), payload, AT,
                "ab".repeat(32));
    }

    @Test
    void theCanonicalBytesAreJcsOfTheWholeRecordWithAFixedHash() {
        var record = sample("{\"trustScore\": 100.0, \"name\": \"Scout\"}");
        String expected = "{\"actor\":{\"id\":\"" + USER + "\",\"type\":\"user\"},\"createdAt\":\"2025-01-02T03:04:05.123456Z\","
                + "\"payload\":{\"name\":\"Scout\",\"trustScore\":100},\"previousHash\":\"" + "ab".repeat(32) + "\","
                + "\"recordType\":\"agent_creation\",\"sequence\":7,\"subject\":{\"id\":\"" + AGENT + "\",\"type\":\"agent\"}}";
        assertThat(new String(record.canonical(), StandardCharsets.UTF_8)).isEqualTo(expected);
        // Pinned (computed independently, with Python's hashlib): any JVM, any run, any library change that alters
        // these bytes fails here.
        assertThat(HexFormat.of().formatHex(Sha256.hash(record.canonical())))
                .isEqualTo("1c819f7208b3e89f43114aa9b3709b468de166fb78632149b745de3586a0f63b");
    }

    @Test
    void quotesBackslashesUnicodeAndNestingSurviveTheRoundTripByteForByte() {
        String payload = """
                {"quote": "she said \\"no\\"", "backslash": "C:\\\\temp\\\\new", "unicode": "é ü 漢字 😀 \\u2028",
                 "control": "tab\\there\\nnewline", "nested": {"z": [1, 2.50, {"b": null, "a": true}], "a": {"deep": {}}},
                 "previousHash": "a nested key that looks like the envelope's", "number": 1e2}""";
        var record = sample(payload);
        byte[] canonical = record.canonical();

        var parsed = TruthRecord.parse(canonical);
        assertThat(parsed).isEqualTo(record);
        assertThat(parsed.canonical()).isEqualTo(canonical);
        assertThat(parsed.previousHash()).isEqualTo("ab".repeat(32));
        assertThat(parsed.payload()).contains("\"number\":100", "\"backslash\":\"C:\\\\temp\\\\new\"", "😀",
                "\"previousHash\":\"a nested key");
        // A fresh canonicalization of the stored bytes reproduces them: they are canonical, not merely parseable.
        assertThat(CanonicalJson.canonicalize(canonical)).isEqualTo(canonical);
    }

    @Test
    void systemRecordsMayHaveNoActorOrAnAnonymousSystemActor() {
        for (var actor : new Actor[] { null, Actor.system() }) {
            var record = TruthRecord.create(1, RecordType.system_event, new Subject("system", AGENT), actor, "{}", AT,
                    TruthRecord.GENESIS_PREVIOUS_HASH);
            assertThat(TruthRecord.parse(record.canonical())).isEqualTo(record);
        }
    }

    @Test
    void createdAtIsKeptToTheMicrosecondWithSixDigits() {
        var record = TruthRecord.create(1, RecordType.system_event, Subject.agent(AGENT), null, "{}",
                Instant.parse("2025-01-02T03:04:05.100000999Z"), TruthRecord.GENESIS_PREVIOUS_HASH);
        assertThat(record.createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.100Z"));
        assertThat(new String(record.canonical(), StandardCharsets.UTF_8)).contains("\"2025-01-02T03:04:05.100000Z\"");
    }

    @Test
    void refusesWhatCannotBeARecord() {
        assertThatIllegalArgumentException().isThrownBy(() -> sample("[1]"));
        assertThatIllegalArgumentException().isThrownBy(() -> sample("{\"a\":"));
        assertThatIllegalArgumentException().isThrownBy(() -> TruthRecord.create(0, RecordType.system_event,
                Subject.agent(AGENT), null, "{}", AT, TruthRecord.GENESIS_PREVIOUS_HASH));
        assertThatIllegalArgumentException().isThrownBy(() -> TruthRecord.create(1, RecordType.system_event,
                Subject.agent(AGENT), null, "{}", AT, "AB".repeat(32)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Subject("planet", AGENT));
        assertThatIllegalArgumentException().isThrownBy(() -> new Actor("user", null));
    }

    @Test
    void theLinkFieldsReadFromTheEndAgreeWithAFullParse() {
        for (var actor : new Actor[] { null, Actor.system(), Actor.user(USER) }) {
            for (var subject : new Subject[] { Subject.agent(AGENT), new Subject("acquisition", USER) }) {
                var record = TruthRecord.create(1234567, RecordType.human_override, subject, actor,
                        "{\"previousHash\":\"" + "cd".repeat(32) + "\",\"sequence\":1}", AT, "ef".repeat(32));
                var link = TruthRecord.link(record.canonical());
                assertThat(link.sequence()).isEqualTo(1234567);
                assertThat(link.previousHash()).isEqualTo("ef".repeat(32));
            }
        }
        String good = new String(sample("{\"n\":1}").canonical(), StandardCharsets.UTF_8);
        for (String bad : new String[] {
                good + " ",
                good.replace("\"sequence\":7", "\"sequence\":07"),
                good.replace("\"sequence\":7", "\"sequence\":\"7\""),
                good.replace("ab".repeat(32), "AB".repeat(32)),
                good.replace("ab".repeat(32), "ab".repeat(31)),
                good.replace("\"type\":\"agent\"}}", "\"type\":\"agent\"}"),
                good.substring(good.length() - 40),
                "" }) {
            assertThatThrownBy(() -> TruthRecord.link(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(TruthRecord.MalformedRecord.class);
        }
    }

    @Test
    void parsingIsStrict() {
        String good = new String(sample("{\"n\":1}").canonical(), StandardCharsets.UTF_8);
        for (String bad : new String[] {
                good + " ",
                good.replace("{\"actor\"", "{ \"actor\""),
                good.replace("\"sequence\":7", "\"sequence\":07"),
                good.replace("\"sequence\":7", "\"sequence\":\"7\""),
                good.replace("agent_creation", "agent_birth"),
                good.replace(AGENT.toString(), AGENT.toString().toUpperCase()),
                good.replace(".123456Z", ".123Z"),
                good.replace("ab".repeat(32), "ab".repeat(31)),
                good.replace("{\"n\":1}", "[1]"),
                good.replace("\"type\":\"agent\"", "\"type\":\"planet\""),
                "" }) {
            assertThatThrownBy(() -> TruthRecord.parse(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(TruthRecord.MalformedRecord.class);
        }
        assertThatThrownBy(() -> TruthRecord.parse(new byte[] { '{', (byte) 0xff, '}' }))
                .isInstanceOf(TruthRecord.MalformedRecord.class);
    }
}
