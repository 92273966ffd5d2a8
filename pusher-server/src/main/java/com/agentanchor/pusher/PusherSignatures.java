package com.agentanchor.pusher;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures of the Pusher Channels protocol: channel authorization ({@code private-}, {@code presence-}), user
 * authentication ({@code pusher:signin}), the HTTP API's {@code auth_signature} and {@code body_md5}, and webhooks.
 * All hex strings are lower case. Comparisons go through {@link #constantTimeEquals(String, String)}.
 */
public final class PusherSignatures {

    private static final HexFormat HEX = HexFormat.of();

    private PusherSignatures() {
    }

    /** Hex HMAC-SHA256 of {@code text} (UTF-8) keyed with {@code secret} (UTF-8). */
    public static String hmacSha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Hex MD5 of the raw bytes (the HTTP API's {@code body_md5}). */
    public static String md5Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(body));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    /**
     * The string signed for a channel subscription: {@code socket_id:channel_name}, plus {@code :channel_data} for
     * presence channels ({@code channelData} may be null).
     */
    public static String channelStringToSign(String socketId, String channel, String channelData) {
        return channelData == null ? socketId + ":" + channel : socketId + ":" + channel + ":" + channelData;
    }

    /** The {@code auth} value a client sends in {@code pusher:subscribe}: {@code key:hex-signature}. */
    public static String channelAuth(String key, String secret, String socketId, String channel, String channelData) {
        return key + ":" + hmacSha256Hex(secret, channelStringToSign(socketId, channel, channelData));
    }

    /** The {@code auth} value a client sends in {@code pusher:signin}: signs {@code socket_id::user::user_data}. */
    public static String userAuth(String key, String secret, String socketId, String userData) {
        return key + ":" + hmacSha256Hex(secret, socketId + "::user::" + userData);
    }

    /**
     * The string the HTTP API signs: {@code METHOD\npath\nquery}, the query being every parameter but
     * {@code auth_signature}, keys lower-cased and sorted, joined as {@code k=v&...}, not URL-escaped.
     */
    public static String restStringToSign(String method, String path, Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> {
            String key = k.toLowerCase(java.util.Locale.ROOT);
            if (!key.equals("auth_signature")) {
                sorted.put(key, v);
            }
        });
        StringBuilder sb = new StringBuilder(128).append(method).append('\n').append(path).append('\n');
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) {
                sb.append('&');
            }
            first = false;
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /** The HTTP API's {@code auth_signature} for the given request. */
    public static String restSignature(String secret, String method, String path, Map<String, String> params) {
        return hmacSha256Hex(secret, restStringToSign(method, path, params));
    }

    /** The {@code X-Pusher-Signature} of a webhook body. */
    public static String webhookSignature(String secret, String body) {
        return hmacSha256Hex(secret, body);
    }

    /** Compares two strings in time independent of where they differ; false when either is null. */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
