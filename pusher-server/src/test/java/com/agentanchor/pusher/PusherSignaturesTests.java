package com.agentanchor.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The vectors of the Pusher docs, recomputed in shared/reference/realtime-rls.md section C. */
class PusherSignaturesTests {

    @Test
    void httpApiExampleFromTheDocs() {
        String body = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";
        String md5 = PusherSignatures.md5Hex(body.getBytes(StandardCharsets.UTF_8));
        assertThat(md5).isEqualTo("ec365a775a4cd0599faeb73354201b6f");

        Map<String, String> params = new LinkedHashMap<>();
        params.put("body_md5", md5);
        params.put("auth_version", "1.0");
        params.put("auth_key", "278d425bdf160c739803");
        params.put("auth_timestamp", "1353088179");
        params.put("auth_signature", "ignored");
        assertThat(PusherSignatures.restStringToSign("POST", "/apps/3/events", params)).isEqualTo(
                "POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
                        + "&body_md5=ec365a775a4cd0599faeb73354201b6f");
        assertThat(PusherSignatures.restSignature("7ad3773142a6692b25b8", "POST", "/apps/3/events", params))
                .isEqualTo("da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
    }

    @Test
    void privateChannelExampleFromTheDocs() {
        assertThat(PusherSignatures.channelAuth("278d425bdf160c739803", "7ad3773142a6692b25b8", "1234.1234",
                "private-foobar", null)).isEqualTo(
                        "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
    }

    @Test
    void userAuthenticationExampleFromTheDocs() {
        assertThat(PusherSignatures.userAuth("278d425bdf160c739803", "7ad3773142a6692b25b8", "1234.1234",
                "{\"id\":\"12345\"}")).isEqualTo(
                        "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
    }

    @Test
    void presenceSignsTheChannelDataToo() {
        assertThat(PusherSignatures.channelStringToSign("1.2", "presence-x", "{\"user_id\":\"7\"}"))
                .isEqualTo("1.2:presence-x:{\"user_id\":\"7\"}");
    }

    @Test
    void constantTimeEqualsHandlesNulls() {
        assertThat(PusherSignatures.constantTimeEquals("a", "a")).isTrue();
        assertThat(PusherSignatures.constantTimeEquals("a", "b")).isFalse();
        assertThat(PusherSignatures.constantTimeEquals(null, "b")).isFalse();
    }
}
