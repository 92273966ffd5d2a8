package com.agentanchor.pusher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.agentanchor.pusher.ChannelState.Kind;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tools.jackson.databind.JsonNode;

/**
 * Pusher's HTTP API: {@code POST /apps/{id}/events}, {@code /batch_events}, {@code GET /apps/{id}/channels},
 * {@code /channels/{name}}, {@code /channels/{name}/users} and {@code POST /apps/{id}/users/{id}/terminate_connections},
 * each signed as Pusher signs them. Answers 200 with JSON, 400/401/404/405/413 with a text message.
 */
final class HttpApi implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    /** Ten events of 10 KB, JSON-escaped, fit easily. */
    static final int MAX_BODY_BYTES = 512 * 1024;
    static final int MAX_EVENT_NAME_LENGTH = 200;

    private static final Pattern ROUTE = Pattern.compile(
            "/apps/([^/]+)/(events|batch_events|channels|channels/([^/]+)|channels/([^/]+)/users|users/([^/]+)/terminate_connections)");

    private final LocalPusherConfig config;
    private final ChannelHub hub;
    private final Clock clock;

    HttpApi(LocalPusherConfig config, ChannelHub hub, Clock clock) {
        this.config = config;
        this.hub = hub;
        this.clock = clock;
    }

    /** A response: status and body; JSON when 200. */
    record Reply(int status, String body) {

        static Reply ok(String json) {
            return new Reply(200, json);
        }

        static Reply error(int status, String message) {
            return new Reply(status, message);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = route(exchange);
        }
        catch (RuntimeException e) {
            log.warn("Local Pusher HTTP API failed", e);
            reply = Reply.error(500, "Internal error");
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                reply.status() == 200 ? "application/json" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Reply route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Matcher m = ROUTE.matcher(path == null ? "" : path);
        if (!m.matches()) {
            drain(exchange);
            return Reply.error(404, "Not found");
        }
        if (!m.group(1).equals(config.appId())) {
            drain(exchange);
            return Reply.error(404, "Unknown app " + m.group(1));
        }
        String resource = m.group(2);
        boolean post = resource.equals("events") || resource.equals("batch_events")
                || resource.startsWith("users/");
        if (!method.equals(post ? "POST" : "GET")) {
            drain(exchange);
            return Reply.error(405, "Method not allowed");
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            return Reply.error(413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        Map<String, String> params = ChannelHub.parseQuery(exchange.getRequestURI().getRawQuery());
        String authProblem = authProblem(method, path, exchange.getRequestURI().getRawPath(), params, body);
        if (authProblem != null) {
            return Reply.error(401, authProblem);
        }
        if (resource.equals("events")) {
            return events(body);
        }
        if (resource.equals("batch_events")) {
            return batch(body);
        }
        if (resource.equals("channels")) {
            return channels(params);
        }
        if (m.group(3) != null) {
            return channel(m.group(3), params);
        }
        if (m.group(4) != null) {
            return users(m.group(4));
        }
        hub.terminateUserConnections(m.group(5));
        return Reply.ok("{}");
    }

    private static void drain(HttpExchange exchange) throws IOException {
        // read, never skip: the JDK server's skip() bypasses the request's length limit and blocks on the socket
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            long left = MAX_BODY_BYTES;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        }
    }

    /** The body, or null when it is too large. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    // ------------------------------------------------------------------------------------------ authentication

    private String authProblem(String method, String path, String rawPath, Map<String, String> params, byte[] body) {
        String key = params.get("auth_key");
        if (key == null || !key.equals(config.key())) {
            return "Unknown auth_key";
        }
        if (!"1.0".equals(params.get("auth_version"))) {
            return "auth_version must be 1.0";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(params.getOrDefault("auth_timestamp", ""));
        }
        catch (NumberFormatException e) {
            return "auth_timestamp missing or not a number";
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > config.timestampTolerance().toSeconds()) {
            return "Timestamp expired: given timestamp is not within " + config.timestampTolerance().toSeconds()
                    + " seconds of server time";
        }
        if (body.length > 0 || params.containsKey("body_md5")) {
            String md5 = params.get("body_md5");
            if (md5 == null) {
                return "body_md5 required for a request with a body";
            }
            if (!PusherSignatures.constantTimeEquals(PusherSignatures.md5Hex(body), md5.toLowerCase(java.util.Locale.ROOT))) {
                return "body_md5 does not match the body";
            }
        }
        String given = params.get("auth_signature");
        if (given == null) {
            return "auth_signature missing";
        }
        String stringToSign = PusherSignatures.restStringToSign(method, path, params);
        if (PusherSignatures.constantTimeEquals(PusherSignatures.hmacSha256Hex(config.secret(), stringToSign), given)) {
            return null;
        }
        if (rawPath != null && !rawPath.equals(path)) {
            String rawToSign = PusherSignatures.restStringToSign(method, rawPath, params);
            if (PusherSignatures.constantTimeEquals(PusherSignatures.hmacSha256Hex(config.secret(), rawToSign), given)) {
                return null;
            }
        }
        return "Invalid signature: you should have sent HmacSHA256Hex(" + Json.quote(stringToSign)
                + ", your_secret_key), but you sent \"" + given + "\"";
    }

    // ------------------------------------------------------------------------------------------ publishing

    /** One validated event: a channel list, a name, the data string and an optional socket to leave out. */
    private record Event(List<String> channels, String name, String data, String socketId, String info) {
    }

    /** An event, or an error reply. */
    private record Parsed(Event event, Reply error) {
    }

    private Reply events(byte[] body) {
        JsonNode json = Json.parse(body);
        if (json == null || !json.isObject()) {
            return Reply.error(400, "Request body must be a JSON object");
        }
        Parsed parsed = parse(json, true);
        if (parsed.error() != null) {
            return parsed.error();
        }
        Event e = parsed.event();
        hub.publish(e.channels(), e.name(), e.data(), e.socketId());
        if (e.info() == null) {
            return Reply.ok("{}");
        }
        StringBuilder sb = new StringBuilder("{\"channels\":{");
        for (int i = 0; i < e.channels().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Json.quote(sb, e.channels().get(i)).append(':').append(channelInfo(e.channels().get(i), e.info()));
        }
        return Reply.ok(sb.append("}}").toString());
    }

    private Reply batch(byte[] body) {
        JsonNode json = Json.parse(body);
        JsonNode batch = json == null ? null : json.get("batch");
        if (batch == null || !batch.isArray()) {
            return Reply.error(400, "Request body must be a JSON object with a batch array");
        }
        if (batch.size() > config.maxBatchEvents()) {
            return Reply.error(400, "Batch too large: at most " + config.maxBatchEvents() + " events");
        }
        List<Event> events = new ArrayList<>(batch.size());
        for (JsonNode item : batch) {
            if (!item.isObject()) {
                return Reply.error(400, "Every batch entry must be a JSON object");
            }
            Parsed parsed = parse(item, false);
            if (parsed.error() != null) {
                return parsed.error();
            }
            events.add(parsed.event());
        }
        boolean anyInfo = false;
        for (Event e : events) {
            hub.publish(e.channels(), e.name(), e.data(), e.socketId());
            anyInfo |= e.info() != null;
        }
        if (!anyInfo) {
            return Reply.ok("{}");
        }
        StringBuilder sb = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            sb.append(i > 0 ? "," : "").append(e.info() == null ? "{}" : channelInfo(e.channels().get(0), e.info()));
        }
        return Reply.ok(sb.append("]}").toString());
    }

    /** Validates one event; {@code many} allows a {@code channels} array (the events endpoint). */
    private Parsed parse(JsonNode json, boolean many) {
        String name = Json.text(json, "name");
        if (name == null) {
            return new Parsed(null, Reply.error(400, "name (a string) is required"));
        }
        JsonNode dataNode = json.get("data");
        if (dataNode == null || !dataNode.isString()) {
            return new Parsed(null, Reply.error(400, "data (a string) is required"));
        }
        String data = dataNode.stringValue();
        List<String> channels = new ArrayList<>();
        JsonNode list = many ? json.get("channels") : null;
        String single = Json.text(json, "channel");
        if (list != null && list.isArray()) {
            for (JsonNode c : list) {
                if (!c.isString()) {
                    return new Parsed(null, Reply.error(400, "channels must be strings"));
                }
                channels.add(c.stringValue());
            }
        }
        else if (single != null) {
            channels.add(single);
        }
        if (channels.isEmpty()) {
            return new Parsed(null, Reply.error(400, many ? "channels (1 to " + config.maxChannelsPerEvent()
                    + " names) or channel is required" : "channel is required"));
        }
        Reply refused = refusal(config, hub, channels, name, data);
        if (refused != null) {
            return new Parsed(null, refused);
        }
        String socketId = null;
        JsonNode sid = json.get("socket_id");
        if (sid != null && !sid.isNull()) {
            if (!sid.isString() || !hub.isValidSocketId(sid.stringValue())) {
                return new Parsed(null, Reply.error(400, "Invalid socket_id"));
            }
            socketId = sid.stringValue();
        }
        String info = Json.text(json, "info");
        if (info != null) {
            for (String attribute : info.split(",")) {
                if (!attribute.equals("subscription_count") && !attribute.equals("user_count")) {
                    return new Parsed(null, Reply.error(400, "Unknown info attribute " + attribute));
                }
            }
        }
        return new Parsed(new Event(channels, name, data, socketId, info), null);
    }

    /**
     * What Pusher refuses in an event however it is sent (here over HTTP, or by {@link LocalPusherServer#trigger} in
     * the same JVM), as the reply the HTTP API gives; null when it is within Pusher's limits.
     */
    static Reply refusal(LocalPusherConfig config, ChannelHub hub, List<String> channels, String name, String data) {
        if (name.isEmpty()) {
            return Reply.error(400, "name (a string) is required");
        }
        if (name.length() > MAX_EVENT_NAME_LENGTH) {
            return Reply.error(400, "Event name longer than " + MAX_EVENT_NAME_LENGTH + " characters");
        }
        if (data.getBytes(StandardCharsets.UTF_8).length > config.maxEventDataBytes()) {
            return Reply.error(413, "Event data larger than " + config.maxEventDataBytes() + " bytes");
        }
        if (channels.isEmpty()) {
            return Reply.error(400, "At least one channel is required");
        }
        if (channels.size() > config.maxChannelsPerEvent()) {
            return Reply.error(400, "Too many channels: at most " + config.maxChannelsPerEvent());
        }
        for (String c : channels) {
            String problem = hub.publishNameProblem(c);
            if (problem != null) {
                return Reply.error(400, problem);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ queries

    private Reply channels(Map<String, String> params) {
        String prefix = params.getOrDefault("filter_by_prefix", "");
        String info = params.get("info");
        boolean userCount = false;
        if (info != null && !info.isEmpty()) {
            for (String attribute : info.split(",")) {
                if (attribute.equals("user_count")) {
                    if (!prefix.startsWith("presence-")) {
                        return Reply.error(400, "info=user_count requires filter_by_prefix=presence-");
                    }
                    userCount = true;
                }
                else {
                    return Reply.error(400, "Unknown info attribute " + attribute);
                }
            }
        }
        StringBuilder sb = new StringBuilder("{\"channels\":{");
        boolean first = true;
        for (ChannelState ch : hub.channels()) {
            if (ch.kind == Kind.USER || !ch.name.startsWith(prefix) || ch.subscribers.isEmpty()) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            Json.quote(sb, ch.name).append(':');
            if (userCount) {
                sb.append("{\"user_count\":").append(ch.members.size()).append('}');
            }
            else {
                sb.append("{}");
            }
        }
        return Reply.ok(sb.append("}}").toString());
    }

    private Reply channel(String name, Map<String, String> params) {
        String info = params.get("info");
        if (info != null && !info.isEmpty()) {
            for (String attribute : info.split(",")) {
                if (attribute.equals("user_count") && ChannelState.kindOf(name) != Kind.PRESENCE) {
                    return Reply.error(400, "info=user_count is only for presence channels");
                }
                if (!attribute.equals("user_count") && !attribute.equals("subscription_count")) {
                    return Reply.error(400, "Unknown info attribute " + attribute);
                }
            }
        }
        ChannelState ch = hub.channel(name);
        boolean occupied = ch != null && !ch.subscribers.isEmpty();
        String attributes = info == null || info.isEmpty() ? "" : channelAttributes(ch, info);
        return Reply.ok("{\"occupied\":" + occupied + attributes + "}");
    }

    private Reply users(String name) {
        if (ChannelState.kindOf(name) != Kind.PRESENCE) {
            return Reply.error(400, "Users can only be listed for presence channels");
        }
        ChannelState ch = hub.channel(name);
        StringBuilder sb = new StringBuilder("{\"users\":[");
        if (ch != null) {
            boolean first = true;
            for (String id : ch.members.keySet()) {
                sb.append(first ? "" : ",").append("{\"id\":");
                Json.quote(sb, id).append('}');
                first = false;
            }
        }
        return Reply.ok(sb.append("]}").toString());
    }

    /** {@code {"subscription_count":n,"user_count":n}} for the requested attributes. */
    private String channelInfo(String name, String info) {
        String attributes = channelAttributes(hub.channel(name), info);
        return attributes.isEmpty() ? "{}" : "{" + attributes.substring(1) + "}";
    }

    /** The requested attributes, each preceded by a comma. */
    private static String channelAttributes(ChannelState ch, String info) {
        StringBuilder sb = new StringBuilder();
        for (String attribute : info.split(",")) {
            if (attribute.equals("subscription_count")) {
                sb.append(",\"subscription_count\":").append(ch == null ? 0 : ch.subscribers.size());
            }
            else if (attribute.equals("user_count") && (ch == null || ch.kind == Kind.PRESENCE)) {
                sb.append(",\"user_count\":").append(ch == null ? 0 : ch.members.size());
            }
        }
        return sb.toString();
    }
}
