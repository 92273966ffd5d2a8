package com.agentanchor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class IsoInstantSerializerTests {

    private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    /** Every fraction shape (none, milli, micro, nano) at random seconds over the whole range, and its edges. */
    @Test
    void writesWhatInstantToStringWrites() {
        var random = new SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(FIRST - 86_400 * 400L, LAST + 86_400 * 400L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1, 1_000) * 1_000_000;
                case 2 -> random.nextInt(1, 1_000_000) * 1_000;
                default -> random.nextInt(1, 1_000_000_000);
            };
            assertSame(Instant.ofEpochSecond(seconds, nano));
        }
        for (var edge : new Instant[] {Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.ofEpochSecond(FIRST),
                Instant.ofEpochSecond(FIRST - 1, 999_999_999), Instant.ofEpochSecond(LAST, 999_999_999),
                Instant.ofEpochSecond(LAST + 1), Instant.ofEpochSecond(-1, 1_000),
                Instant.parse("2024-02-29T23:59:59.999Z"), Instant.parse("1900-03-01T00:00:00.000001Z")}) {
            assertSame(edge);
        }
    }

    private static void assertSame(Instant instant) {
        assertThat(IsoInstantSerializer.iso(instant)).as("%d s %d ns", instant.getEpochSecond(), instant.getNano())
                .isEqualTo(instant.toString());
    }

    record Times(Instant at, @JsonFormat(pattern = "yyyy-MM-dd", timezone = "UTC") Instant day) {
    }

    /** Registered, it serves the default shape and leaves an asked-for format to Jackson. */
    @Test
    void servesTheDefaultShapeOnly() {
        var json = JsonMapper.builder()
                .addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer())).build();
        var at = Instant.parse("2026-12-04T18:06:00.123456Z");
        assertThat(json._serializationContext().findValueSerializer(Instant.class))
                .isInstanceOf(IsoInstantSerializer.class);
        assertThat(json.writeValueAsString(new Times(at, at)))
                .isEqualTo("{\"at\":\"2026-12-04T18:06:00.123456Z\",\"day\":\"2026-12-04\"}");
    }
}
