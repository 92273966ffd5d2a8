package com.agentanchor.pusher;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON helpers: one shared mapper for parsing, and hand-built frames for the hot path. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** Parses JSON, or returns null when it is not valid JSON. */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    /** Parses JSON, or returns null when it is not valid JSON. */
    static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        }
        catch (JacksonException e) {
            return null;
        }
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** The string value of a property, or null when it is absent or not a string. */
    static String text(JsonNode node, String property) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(property);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** Appends {@code s} as a quoted JSON string. */
    static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    }
                    else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    static String quote(String s) {
        return quote(new StringBuilder(s.length() + 16), s).toString();
    }

    /**
     * A server-to-client frame {@code {"event":..,"channel":..,"data":..,"user_id":..}}; {@code dataJson} is already
     * JSON (usually a quoted string); {@code channel} and {@code userId} may be null.
     */
    static String frame(String event, String channel, String dataJson, String userId) {
        StringBuilder sb = new StringBuilder(64 + event.length() + (dataJson == null ? 0 : dataJson.length()));
        sb.append("{\"event\":");
        quote(sb, event);
        if (channel != null) {
            sb.append(",\"channel\":");
            quote(sb, channel);
        }
        if (dataJson != null) {
            sb.append(",\"data\":").append(dataJson);
        }
        if (userId != null) {
            sb.append(",\"user_id\":");
            quote(sb, userId);
        }
        return sb.append('}').toString();
    }

    /** {@code pusher:error} with {@code data} as an object, as Pusher sends it; {@code code} may be null. */
    static String error(Integer code, String message) {
        StringBuilder sb = new StringBuilder(64 + message.length());
        sb.append("{\"event\":\"pusher:error\",\"data\":{\"code\":").append(code == null ? "null" : code.toString())
                .append(",\"message\":");
        quote(sb, message);
        return sb.append("}}").toString();
    }

    /** {@code pusher:subscription_error} for one channel, in the shape pusher-js emits for a failed authorization. */
    static String subscriptionError(String channel, String type, String message, int status) {
        StringBuilder sb = new StringBuilder(96 + message.length());
        sb.append("{\"event\":\"pusher:subscription_error\",\"channel\":");
        quote(sb, channel);
        sb.append(",\"data\":{\"type\":");
        quote(sb, type);
        sb.append(",\"error\":");
        quote(sb, message);
        sb.append(",\"status\":").append(status);
        return sb.append("}}").toString();
    }
}
