package com.agentanchor.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptableTextTests {

    @Test
    void textWithANulOrAHalfOfASurrogatePairIsRefused() {
        assertThat(AcceptableText.problem("plain, and \uD83D\uDE00 whole")).isNull();
        assertThat(AcceptableText.problem("a\u0000b")).isEqualTo("must not contain a NUL character (\\u0000)");
        assertThat(AcceptableText.problem("cut \uD83D")).isEqualTo("must not contain an unpaired surrogate (\\ud83d)");
        assertThat(AcceptableText.problem("\uDE00 first")).isEqualTo("must not contain an unpaired surrogate (\\ude00)");
    }

    @Test
    void jsonIsReadThroughItsEscapes() {
        assertThat(AcceptableText.problemInJson("{\"a\":\"\\u0000\"}")).contains("NUL");
        assertThat(AcceptableText.problemInJson("{\"\\u0000\":1}")).as("a key").contains("NUL");
        assertThat(AcceptableText.problemInJson("{\"a\":\"\\\\u0000\"}")).as("an escaped backslash, then text")
                .isNull();
        assertThat(AcceptableText.problemInJson("{\"a\":\"\\ud83d\\ude00\"}")).as("an escaped pair").isNull();
        assertThat(AcceptableText.problemInJson("{\"a\":\"\\ud83d\",\"b\":\"\\ude00\"}")).as("halves apart")
                .contains("unpaired surrogate (\\ud83d)");
        assertThat(AcceptableText.problemInJson("{\"a\":\"\uD83D\"}")).as("written as it is").contains("unpaired");
        assertThat(AcceptableText.problemInJson("{\"a\":\"\\\"\",\"b\":[1,2.5,true,null]}")).isNull();
    }
}
