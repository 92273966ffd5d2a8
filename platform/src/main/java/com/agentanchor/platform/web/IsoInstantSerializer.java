package com.agentanchor.platform.web;

import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;

/**
 * Jackson's own instant serializer, writing what it writes by default ({@link Instant#toString()}: ISO-8601 in UTC,
 * the fraction in groups of three digits as needed) without the JDK's general-purpose formatter, which took a
 * twentieth of an agent page's CPU: four instants per agent, each through a print context and a chain of printers
 * (issue 13). A format asked for by annotation or configuration, timestamps, and years outside 0001–9999 are still
 * Jackson's and the JDK's.
 */
final class IsoInstantSerializer extends InstantSerializer {

    private static final int DAY = 86_400;
    private static final long FIRST = LocalDate.of(1, 1, 1).toEpochDay() * DAY;
    private static final long BEYOND = LocalDate.of(10_000, 1, 1).toEpochDay() * DAY;

    @Override
    protected String formatValue(Instant value, SerializationContext context) {
        return _formatter == null ? iso(value) : super.formatValue(value, context);
    }

    /** Exactly {@link Instant#toString()}. */
    static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds >= BEYOND) {
            return instant.toString();
        }
        var date = LocalDate.ofEpochDay(Math.floorDiv(seconds, DAY));
        int secondOfDay = (int) Math.floorMod(seconds, DAY);
        int nano = instant.getNano();
        int fraction = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        var text = new char[20 + (fraction == 0 ? 0 : 1 + fraction)];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (fraction > 0) {
            text[19] = '.';
            digits(text, 20, nano / (fraction == 3 ? 1_000_000 : fraction == 6 ? 1_000 : 1), fraction);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
