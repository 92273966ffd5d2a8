package com.agentanchor.pusher;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.agentanchor.pusher.ChannelState.Kind;
import com.agentanchor.pusher.ChannelState.Member;

import tools.jackson.databind.JsonNode;

/**
 * The Pusher Channels protocol over the connections of a {@link LocalPusherServer}: connection set-up, subscriptions,
 * presence, client events, sign-in, heartbeats and publishing.
 *
 * <p>Subscription changes run under one lock, so presence member counts, the order of member events and the hooks
 * stay consistent. Publishing takes no lock: it frames each message once and writes its bytes to every subscriber of
 * the channel's concurrent set, on the publishing thread and the {@link FanOut}'s helpers together.
 */
final class ChannelHub {

    private static final Logger log = LoggerFactory.getLogger(ChannelHub.class);

    static final String SERVER_TO_USER_PREFIX = "#server-to-user-";
    static final Pattern CHANNEL_NAME = Pattern.compile("[-a-zA-Z0-9_=@,.;]+");
    static final Pattern SOCKET_ID = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern APP_PATH = Pattern.compile("/app/([^/]+)");

    static final int MIN_PROTOCOL = 5;
    static final int MAX_PROTOCOL = 7;

    static final int APP_NOT_FOUND = 4001;
    static final int UNSUPPORTED_PROTOCOL = 4007;
    static final int UNAUTHORIZED = 4009;
    static final int OVER_CAPACITY = 4100;
    static final int RECONNECT_IMMEDIATELY = 4200;
    static final int PONG_NOT_RECEIVED = 4201;
    static final int CLIENT_EVENT_RATE_LIMIT = 4301;

    private final LocalPusherConfig config;
    private final HookDispatcher hooks;
    private final FanOut fanOut;
    private final Object lock = new Object();
    private final Map<String, ChannelState> channels = new ConcurrentHashMap<>();
    private final Map<String, PusherConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong socketSequence = new AtomicLong();
    private final String connectionEstablishedTail;

    ChannelHub(LocalPusherConfig config, HookDispatcher hooks, FanOut fanOut) {
        this.config = config;
        this.hooks = hooks;
        this.fanOut = fanOut;
        long activitySeconds = Math.max(1, config.activityTimeout().toSeconds());
        this.connectionEstablishedTail = "\\\",\\\"activity_timeout\\\":" + activitySeconds + "}\"}";
    }

    // ------------------------------------------------------------------------------------------ connections

    void onOpen(WebSocket ws, String resource) {
        String key = null;
        Map<String, String> query = Map.of();
        try {
            URI uri = new URI(resource == null ? "/" : resource);
            Matcher m = APP_PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
            if (m.matches()) {
                key = m.group(1);
            }
            query = parseQuery(uri.getRawQuery());
        }
        catch (URISyntaxException e) {
            // key stays null
        }
        if (key == null || !key.equals(config.key())) {
            reject(ws, APP_NOT_FOUND, "App key " + key + " not in this cluster. Did you forget to specify the cluster?");
            return;
        }
        int protocol = parseProtocol(query.get("protocol"));
        if (protocol < MIN_PROTOCOL || protocol > MAX_PROTOCOL) {
            reject(ws, UNSUPPORTED_PROTOCOL, "Unsupported protocol version " + query.get("protocol"));
            return;
        }
        String socketId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE) + "."
                + socketSequence.incrementAndGet();
        PusherConnection conn = new PusherConnection((WebSocketImpl) ws, socketId, protocol,
                config.maxQueuedFramesPerConnection());
        String overCapacity;
        synchronized (lock) { // counted and taken as one step, or simultaneous opens could all pass
            overCapacity = capacityProblem(ws);
            if (overCapacity == null) {
                ws.setAttachment(conn);
                connections.put(socketId, conn);
            }
        }
        if (overCapacity != null) {
            reject(ws, OVER_CAPACITY, overCapacity);
            return;
        }
        conn.send("{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":\\\"" + socketId
                + connectionEstablishedTail);
    }

    /** Null when one more connection from {@code ws}'s address fits; otherwise why not. */
    private String capacityProblem(WebSocket ws) {
        if (connections.size() >= config.maxConnections()) {
            return "Over capacity";
        }
        InetAddress address = remoteAddress(ws);
        if (address != null && connectionsFrom(address) >= config.maxConnectionsPerAddress()) {
            return "Over capacity: at most " + config.maxConnectionsPerAddress() + " connections from one address";
        }
        return null;
    }

    private static InetAddress remoteAddress(WebSocket ws) {
        InetSocketAddress remote = ws.getRemoteSocketAddress();
        return remote == null ? null : remote.getAddress();
    }

    /** Open connections from {@code address}; a scan, as a connection opens (not per message). */
    private int connectionsFrom(InetAddress address) {
        int n = 0;
        for (PusherConnection c : connections.values()) {
            if (address.equals(remoteAddress(c.ws))) {
                n++;
            }
        }
        return n;
    }

    private static void reject(WebSocket ws, int code, String message) {
        try {
            ws.send(Json.error(code, message));
        }
        catch (RuntimeException e) {
            // closed already
        }
        ws.close(code, message);
    }

    private static int parseProtocol(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return params;
    }

    void onClose(WebSocket ws) {
        PusherConnection conn = ws.getAttachment();
        if (conn == null) {
            return;
        }
        synchronized (lock) {
            for (String channel : new ArrayList<>(conn.channels)) {
                leave(conn, channel);
            }
            connections.remove(conn.socketId);
        }
    }

    /** Any frame from the client, text or WebSocket pong, counts as activity. */
    void onActivity(WebSocket ws) {
        PusherConnection conn = ws.getAttachment();
        if (conn != null) {
            conn.touch();
        }
    }

    /** Pings connections that went quiet and closes those that did not answer the ping. */
    void checkActivity() {
        long now = System.nanoTime();
        long activity = config.activityTimeout().toNanos();
        long pong = config.pongTimeout().toNanos();
        for (PusherConnection conn : connections.values()) {
            long pingSent = conn.pingSentNanos;
            if (pingSent != 0) {
                if (now - pingSent > pong) {
                    conn.fail(PONG_NOT_RECEIVED, "Pong reply not received");
                }
            }
            else if (now - conn.lastSeenNanos > activity) {
                conn.pingSentNanos = now;
                try {
                    conn.ws.sendPing(); // every WebSocket client answers this frame
                }
                catch (RuntimeException e) {
                    continue;
                }
                if (conn.protocol >= 7) {
                    conn.send("{\"event\":\"pusher:ping\",\"data\":\"{}\"}");
                }
            }
        }
    }

    /** Asks every client to reconnect, as Pusher does when a server goes away. */
    void closeAll() {
        for (PusherConnection conn : connections.values()) {
            conn.fail(RECONNECT_IMMEDIATELY, "Server is closing. Please reconnect shortly.");
        }
    }

    // ------------------------------------------------------------------------------------------ messages

    void onMessage(WebSocket ws, String text) {
        PusherConnection conn = ws.getAttachment();
        if (conn == null) {
            return;
        }
        conn.touch();
        JsonNode message = Json.parse(text);
        String event = Json.text(message, "event");
        if (event == null) {
            conn.send(Json.error(null, "Invalid message: expected a JSON object with an event name"));
            return;
        }
        switch (event) {
            case "pusher:ping" -> conn.send("{\"event\":\"pusher:pong\",\"data\":\"{}\"}");
            case "pusher:pong" -> {
                // activity recorded above
            }
            case "pusher:subscribe" -> subscribe(conn, data(message));
            case "pusher:unsubscribe" -> {
                String channel = Json.text(data(message), "channel");
                if (channel != null) {
                    synchronized (lock) {
                        leave(conn, channel);
                    }
                }
            }
            case "pusher:signin" -> signin(conn, data(message));
            default -> {
                if (event.startsWith("client-")) {
                    clientEvent(conn, event, message);
                }
            }
        }
    }

    /** The message's data as an object, accepting it JSON-encoded as a string too. */
    private static JsonNode data(JsonNode message) {
        JsonNode data = message.get("data");
        if (data != null && data.isString()) {
            return Json.parse(data.stringValue());
        }
        return data;
    }

    // ------------------------------------------------------------------------------------------ subscriptions

    private void subscribe(PusherConnection conn, JsonNode data) {
        String channel = Json.text(data, "channel");
        if (channel == null) {
            conn.send(Json.error(null, "Invalid subscription: no channel name"));
            return;
        }
        String nameProblem = nameProblem(channel);
        if (nameProblem != null) {
            refuse(conn, channel, null, "InvalidChannel", nameProblem, 400);
            return;
        }
        Kind kind = ChannelState.kindOf(channel);
        if (kind == Kind.USER) {
            String own = conn.signedInUserId;
            if (own == null || !channel.equals(SERVER_TO_USER_PREFIX + own)) {
                refuse(conn, channel, UNAUTHORIZED, "AuthError",
                        "Subscription to " + channel + " requires signing in as that user", 401);
                return;
            }
        }
        String channelData = null;
        if (kind == Kind.PRIVATE || kind == Kind.PRESENCE) {
            channelData = kind == Kind.PRESENCE ? Json.text(data, "channel_data") : null;
            if (kind == Kind.PRESENCE && channelData == null) {
                refuse(conn, channel, UNAUTHORIZED, "AuthError",
                        "Presence subscription requires channel_data", 401);
                return;
            }
            String auth = Json.text(data, "auth");
            String problem = authProblem(conn.socketId, channel, channelData, auth);
            if (problem != null) {
                refuse(conn, channel, UNAUTHORIZED, "AuthError", problem, 401);
                return;
            }
        }
        String userId = null;
        String userInfoJson = null;
        if (kind == Kind.PRESENCE) {
            JsonNode member = Json.parse(channelData);
            JsonNode id = member == null || !member.isObject() ? null : member.get("user_id");
            if (id != null && (id.isString() || id.isIntegralNumber())) {
                userId = id.asString();
            }
            if (userId == null || userId.isEmpty()) {
                refuse(conn, channel, null, "InvalidChannelData",
                        "channel_data must be a JSON object with a user_id string", 400);
                return;
            }
            if (userId.length() > config.maxUserIdLength()) {
                refuse(conn, channel, null, "LimitReached",
                        "user_id is longer than " + config.maxUserIdLength() + " characters", 400);
                return;
            }
            JsonNode info = member.get("user_info");
            if (info != null && !info.isNull()) {
                if (!info.isObject()) {
                    refuse(conn, channel, null, "InvalidChannelData",
                            "user_info supplied to presence subscription is invalid - if supplied it must be a type of hash",
                            400);
                    return;
                }
                userInfoJson = Json.write(info);
                if (userInfoJson.getBytes(StandardCharsets.UTF_8).length > config.maxUserInfoBytes()) {
                    refuse(conn, channel, null, "LimitReached",
                            "user_info is larger than " + config.maxUserInfoBytes() + " bytes", 400);
                    return;
                }
            }
        }
        synchronized (lock) {
            if (!conn.ws.isOpen()) {
                return;
            }
            ChannelState existing = channels.get(channel);
            if (existing != null && existing.subscribers.contains(conn)) {
                conn.send(succeeded(existing)); // already subscribed: confirm again, change nothing
                return;
            }
            if (conn.channels.size() >= config.maxChannelsPerConnection()) {
                refuse(conn, channel, OVER_CAPACITY, "LimitReached", "At most " + config.maxChannelsPerConnection()
                        + " channels per connection: unsubscribe from one first", 403);
                return;
            }
            if (kind == Kind.PRESENCE && existing != null && !existing.members.containsKey(userId)
                    && existing.members.size() >= config.maxPresenceMembers()) {
                refuse(conn, channel, OVER_CAPACITY, "LimitReached",
                        "The maximum members per presence channel limit (" + config.maxPresenceMembers()
                                + ") was reached",
                        403);
                return;
            }
            ChannelState ch = existing != null ? existing : new ChannelState(channel);
            if (existing == null) {
                channels.put(channel, ch);
            }
            Member added = null;
            if (kind == Kind.PRESENCE) {
                Member m = ch.members.get(userId);
                if (m == null) {
                    m = new Member(userId, userInfoJson);
                    ch.members.put(userId, m);
                    added = m;
                }
                m.connections++;
                conn.presenceUserIds.put(channel, userId);
            }
            // Registered and confirmed under the connection's send monitor: a publish made after the client saw
            // the confirmation reaches it, and none reaches it before the confirmation.
            synchronized (conn) {
                ch.subscribers.add(conn);
                conn.send(succeeded(ch));
            }
            conn.channels.add(channel);
            if (ch.subscribers.size() == 1 && kind != Kind.USER) {
                hooks.fire(l -> l.channelOccupied(channel));
            }
            if (added != null) {
                Member m = added;
                StringBuilder sb = new StringBuilder(64).append("{\"user_id\":");
                Json.quote(sb, m.userId).append(",\"user_info\":").append(m.userInfoJson == null ? "null" : m.userInfoJson)
                        .append('}');
                broadcast(ch, Json.frame("pusher_internal:member_added", channel, Json.quote(sb.toString()), null),
                        conn);
                hooks.fire(l -> l.memberAdded(channel, m.userId, m.userInfoJson));
            }
        }
    }

    private String nameProblem(String channel) {
        if (channel.length() > config.maxChannelNameLength()) {
            return "Channel name too long: at most " + config.maxChannelNameLength() + " characters";
        }
        String rest = channel.startsWith(SERVER_TO_USER_PREFIX) ? channel.substring(SERVER_TO_USER_PREFIX.length())
                : channel;
        if (!CHANNEL_NAME.matcher(rest).matches()) {
            return "Invalid channel name " + channel
                    + ": only letters, digits and _ - = @ , . ; are allowed";
        }
        return null;
    }

    /** Null when {@code auth} is the right signature; otherwise why not, in Pusher's words. */
    private String authProblem(String socketId, String channel, String channelData, String auth) {
        if (auth == null || auth.isEmpty()) {
            return "Subscription to " + channel + " requires auth";
        }
        int colon = auth.indexOf(':');
        if (colon < 0 || !auth.substring(0, colon).equals(config.key())) {
            return "Invalid key in subscription auth data: '" + (colon < 0 ? auth : auth.substring(0, colon)) + "'";
        }
        String stringToSign = PusherSignatures.channelStringToSign(socketId, channel, channelData);
        String expected = PusherSignatures.hmacSha256Hex(config.secret(), stringToSign);
        String given = auth.substring(colon + 1);
        if (!PusherSignatures.constantTimeEquals(expected, given)) {
            return "Invalid signature: Expected HMAC SHA256 hex digest of " + stringToSign + ", but got " + given;
        }
        return null;
    }

    /**
     * Refuses a subscription the way both client families notice: {@code pusher:subscription_error} on the channel
     * (what pusher-js emits to channel bindings) and {@code pusher:error} (what pusher-java-client passes to its
     * connection listener). The connection stays open.
     */
    private static void refuse(PusherConnection conn, String channel, Integer code, String type, String message,
            int status) {
        conn.send(Json.subscriptionError(channel, type, message, status));
        conn.send(Json.error(code, message));
    }

    private static String succeeded(ChannelState ch) {
        if (ch.kind != Kind.PRESENCE) {
            return Json.frame("pusher_internal:subscription_succeeded", ch.name, "\"{}\"", null);
        }
        StringBuilder ids = new StringBuilder(16 * ch.members.size() + 2).append('[');
        StringBuilder hash = new StringBuilder(32 * ch.members.size() + 2).append('{');
        int count = 0;
        for (Member m : ch.members.values()) {
            if (count++ > 0) {
                ids.append(',');
                hash.append(',');
            }
            Json.quote(ids, m.userId);
            Json.quote(hash, m.userId).append(':').append(m.userInfoJson == null ? "null" : m.userInfoJson);
        }
        ids.append(']');
        hash.append('}');
        String presence = "{\"presence\":{\"ids\":" + ids + ",\"hash\":" + hash + ",\"count\":" + count + "}}";
        return Json.frame("pusher_internal:subscription_succeeded", ch.name, Json.quote(presence), null);
    }

    /** Removes {@code conn} from {@code channel}; call under the lock. */
    private void leave(PusherConnection conn, String channel) {
        ChannelState ch = channels.get(channel);
        conn.channels.remove(channel);
        if (ch == null || !ch.subscribers.remove(conn)) {
            return;
        }
        if (ch.kind == Kind.PRESENCE) {
            String userId = conn.presenceUserIds.remove(channel);
            Member m = userId == null ? null : ch.members.get(userId);
            if (m != null && --m.connections <= 0) {
                ch.members.remove(userId);
                StringBuilder sb = new StringBuilder(32).append("{\"user_id\":");
                Json.quote(sb, userId).append('}');
                broadcast(ch, Json.frame("pusher_internal:member_removed", channel, Json.quote(sb.toString()), null),
                        null);
                hooks.fire(l -> l.memberRemoved(channel, userId));
            }
        }
        if (ch.subscribers.isEmpty()) {
            channels.remove(channel);
            if (ch.kind != Kind.USER) {
                hooks.fire(l -> l.channelVacated(channel));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ client events, sign-in

    private void clientEvent(PusherConnection conn, String event, JsonNode message) {
        if (config.clientEventsPerSecond() == 0) { // as Pusher answers an app whose client events are off
            conn.send(Json.error(null, "To send client events, you must enable this feature in the Settings page "
                    + "of your dashboard."));
            return;
        }
        String channel = Json.text(message, "channel");
        if (channel == null) {
            conn.send(Json.error(null, "Client event rejected - no channel given"));
            return;
        }
        Kind kind = ChannelState.kindOf(channel);
        if (kind != Kind.PRIVATE && kind != Kind.PRESENCE) {
            conn.send(Json.error(null, "Client event rejected - only supported on private and presence channels"));
            return;
        }
        if (!conn.channels.contains(channel)) {
            conn.send(Json.error(null, "Client event rejected - not subscribed to channel " + channel));
            return;
        }
        if (event.length() > 200) {
            conn.send(Json.error(null, "Client event rejected - event name longer than 200 characters"));
            return;
        }
        if (!conn.tryClientEvent(config.clientEventsPerSecond())) {
            conn.send(Json.error(CLIENT_EVENT_RATE_LIMIT, "Client event rejected - rate limit of "
                    + config.clientEventsPerSecond() + " per second exceeded"));
            return;
        }
        JsonNode dataNode = message.get("data");
        String dataJson = dataNode == null ? "null" : Json.write(dataNode);
        int size = dataNode != null && dataNode.isString()
                ? dataNode.stringValue().getBytes(StandardCharsets.UTF_8).length
                : dataJson.getBytes(StandardCharsets.UTF_8).length;
        if (size > config.maxEventDataBytes()) {
            conn.send(Json.error(null, "Client event rejected - data larger than " + config.maxEventDataBytes()
                    + " bytes"));
            return;
        }
        String userId = kind == Kind.PRESENCE ? conn.presenceUserIds.get(channel) : null;
        ChannelState ch = channels.get(channel);
        if (ch != null) {
            broadcast(ch, Json.frame(event, channel, dataJson, userId), conn);
        }
        hooks.fire(l -> l.clientEvent(channel, event, dataJson, conn.socketId, userId));
    }

    private void signin(PusherConnection conn, JsonNode data) {
        String auth = Json.text(data, "auth");
        String userData = Json.text(data, "user_data");
        if (auth == null || userData == null) {
            conn.fail(UNAUTHORIZED, "Invalid pusher:signin: auth and user_data are required");
            return;
        }
        String expected = PusherSignatures.userAuth(config.key(), config.secret(), conn.socketId, userData);
        if (!PusherSignatures.constantTimeEquals(expected, auth)) {
            conn.fail(UNAUTHORIZED, "Invalid signature in pusher:signin");
            return;
        }
        String id = Json.text(Json.parse(userData), "id");
        if (id == null || id.isEmpty()) {
            conn.fail(UNAUTHORIZED, "user_data must be a JSON object with an id string");
            return;
        }
        conn.signedInUserId = id;
        String payload = "{\"user_data\":" + Json.quote(userData) + "}";
        conn.send(Json.frame("pusher:signin_success", null, Json.quote(payload), null));
    }

    // ------------------------------------------------------------------------------------------ publishing

    /**
     * Sends {@code event} with {@code data} (delivered as a JSON string, as Pusher does) to every subscriber of each
     * channel, except the connection {@code excludeSocketId} (may be null). Checks nothing; the HTTP API validates.
     */
    void publish(Collection<String> channelNames, String event, String data, String excludeSocketId) {
        String quotedData = Json.quote(data);
        PusherConnection exclude = excludeSocketId == null ? null : connections.get(excludeSocketId);
        for (String name : channelNames) {
            ChannelState ch = channels.get(name);
            if (ch != null) {
                broadcast(ch, Json.frame(event, name, quotedData, null), exclude);
            }
        }
    }

    /** Frames {@code text} once and sends it to every subscriber but {@code exclude}. */
    private void broadcast(ChannelState ch, String text, PusherConnection exclude) {
        List<PusherConnection> to = new ArrayList<>(ch.subscribers.size());
        for (PusherConnection c : ch.subscribers) {
            if (c != exclude) {
                to.add(c);
            }
        }
        if (to.isEmpty()) {
            return;
        }
        PusherConnection.Message message;
        try {
            message = PusherConnection.Message.of(to.get(0).ws.getDraft(), text);
        }
        catch (RuntimeException e) {
            log.debug("Could not frame a message for {}", ch.name, e);
            return;
        }
        fanOut.send(to, message);
    }

    /** Closes every connection signed in as {@code userId}; returns how many. */
    int terminateUserConnections(String userId) {
        int n = 0;
        for (PusherConnection conn : connections.values()) {
            if (userId.equals(conn.signedInUserId)) {
                conn.fail(UNAUTHORIZED, "Connection terminated by the server");
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------ queries

    ChannelState channel(String name) {
        return channels.get(name);
    }

    Collection<ChannelState> channels() {
        return channels.values();
    }

    int connectionCount() {
        return connections.size();
    }

    boolean isValidSocketId(String socketId) {
        return SOCKET_ID.matcher(socketId).matches();
    }

    /** Null when {@code name} may be published to over the HTTP API; otherwise why not. */
    String publishNameProblem(String name) {
        return nameProblem(name);
    }
}
