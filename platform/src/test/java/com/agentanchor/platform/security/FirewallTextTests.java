package com.agentanchor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class FirewallTextTests {

    /** StrictHttpFirewall's own patterns (spring-security-web 7.0), the oracle. */
    private static final Pattern TEXT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    /**
     * Random strings of printable ASCII mixed with controls, tabs, DEL, C1 controls, unassigned and private-use code
     * points, lone and paired surrogates and supplementary characters: both checks agree with the patterns on each.
     */
    @Test
    void acceptsWhatTheFirewallsPatternsAccept() {
        var random = new SplittableRandom(7);
        int refused = 0;
        for (int i = 0; i < 100_000; i++) {
            var text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                switch (random.nextInt(8)) {
                    case 0 -> text.append((char) random.nextInt(0x20));
                    case 1 -> text.append((char) random.nextInt(0x7f, 0xa0));
                    case 2 -> text.append((char) random.nextInt(0xd800, 0xe000));
                    case 3 -> text.appendCodePoint(random.nextInt(0x10000, 0x110000));
                    case 4 -> text.append((char) random.nextInt(0xa0, 0xd800));
                    case 5 -> text.append('\t');
                    case 6 -> text.append((char) random.nextInt(0xe000, 0x10000));
                    default -> text.append((char) random.nextInt(0x20, 0x7f));
                }
            }
            var s = text.toString();
            assertThat(FirewallText.assignedAndNotControl(s)).as("%s", s.codePoints().boxed().toList())
                    .isEqualTo(TEXT.matcher(s).matches());
            assertThat(FirewallText.headerValue(s)).as("%s", s.codePoints().boxed().toList())
                    .isEqualTo(HEADER_VALUE.matcher(s).matches());
            refused += TEXT.matcher(s).matches() ? 0 : 1;
        }
        assertThat(refused).as("both kinds of string were tried").isBetween(10_000, 90_000);
        assertThat(FirewallText.headerValue("Bearer abc\tdef")).isTrue();
        assertThat(FirewallText.assignedAndNotControl("a\tb")).isFalse();
        assertThat(FirewallText.headerValue("a\u0000b")).isFalse();
        assertThat(FirewallText.headerValue("\u0378")).isFalse(); // unassigned
        assertThat(FirewallText.headerValue("\ud83d\ude00 \ud800")).isTrue(); // an emoji, a lone surrogate
    }
}
