package com.agentanchor.hostile;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.agentanchor.support.Api;
import com.agentanchor.support.Eventually;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input, generated: requests built for every operation of the live OpenAPI document ({@code /v3/api-docs}),
 * from a seeded random source, with boundary and hostile values in the path ids, the query parameters and the body
 * (wrong types, huge and negative numbers, 1 MB strings, NUL and unpaired surrogates, unknown fields, SQL and JSON
 * injection, wrong content types, empty, truncated and oversized bodies). For each answer:
 * <ul>
 * <li>never a 5xx;
 * <li>an error is {@code application/problem+json};
 * <li>no stack trace, exception name or SQL error in any body;
 * <li>a refused request (4xx) changed no row: a checksum over every table, as the database owner, is the same before
 * and after it.
 * </ul>
 * CI runs {@value #CI_TRIES} tries with a fixed seed; {@code -Dhostile.tries=5000 -Dhostile.seed=…} runs longer or
 * elsewhere ({@code proof/parts/90-hostile-input.sh}). A failure prints the seed, the request and the answer.
 * <p>
 * The checksum leaves out what background work writes on its own and no request of this suite causes: the event
 * publication registry (asynchronous listeners of earlier tests may still complete theirs) and access bookkeeping
 * ({@code last_used_at}, {@code last_seen_at}). Before each snapshot the suite waits until every publication made
 * since it began is complete, so the followers of its own accepted requests have finished writing.
 */
@IntegrationTest
class HostileInputTests {

    static final int CI_TRIES = 240;
    private static final long SEED = Long.getLong("hostile.seed", 20_261_203L);
    private static final int TRIES = Integer.getInteger("hostile.tries", CI_TRIES);
    /** The one operation left out: it deletes the suite's own caller (and so its agent and key) on success. */
    private static final String DELETES_THE_CALLER = "DELETE /api/profiles/me";
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at com.agentanchor", "at org.",
            "java.lang", "PSQL", "org.postgresql", "SQLState", "SQL state", "syntax error at or near",
            "violates ", "duplicate key", "relation \"", "column \"", "stackTrace", "\"trace\"");

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noOperationAnswersHostileInputWithA5xxALeakOrAWrite() throws Exception {
        var api = new Api(port);
        var user = api.token(unique("hostile"));
        var agent = api.post("/api/agents", user, Map.of("name", "Target")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        var key = api.post("/api/agents/" + agent + "/keys", user, Map.of("name", "hostile")).body().get("key")
                .asString();
        var operations = operations(api.get("/v3/api-docs", null).body());
        var started = database.query("SELECT now()", Timestamp.class);
        var checksum = checksumQuery();
        try (var connection = database.connect()) {
            var owner = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            probe(api, operations, started, checksum, owner, user, key, agent);
        }
    }

    private void probe(Api api, List<Operation> operations, Timestamp started, String checksum, JdbcTemplate owner,
            String user, String key, String agent) throws Exception {
        var hostile = new HostileValues(new Random(SEED), agent);
        var failures = new ArrayList<String>();
        var statuses = new TreeMap<Integer, Integer>();
        int refused = 0;
        long began = System.nanoTime();
        long quietNanos = 0;
        long checksumNanos = 0;
        long sendNanos = 0;

        for (int i = 0; i < TRIES; i++) {
            var operation = operations.get(i % operations.size());
            var request = hostile.request(operation, user, key);
            long t0 = System.nanoTime();
            awaitQuiet(owner, started);
            long t1 = System.nanoTime();
            var before = owner.queryForList(checksum);
            long t2 = System.nanoTime();
            quietNanos += t1 - t0;
            checksumNanos += t2 - t1;
            Reply reply;
            try {
                reply = send(request);
            } catch (IOException e) {
                reply = new Reply(0, null, "no answer: " + e);
            }
            sendNanos += System.nanoTime() - t2;
            statuses.merge(reply.status(), 1, Integer::sum);
            var why = new ArrayList<String>();
            if (reply.status() >= 500 || reply.status() == 0) {
                why.add("a " + reply.status());
            }
            if (reply.status() >= 400 && !reply.isProblem()) {
                why.add("an error that is not problem details (" + reply.contentType() + ")");
            }
            if (reply.status() >= 400) { // a 2xx body is data, which other tests may have filled with any text
                LEAKS.stream().filter(reply.body()::contains).findFirst()
                        .ifPresent(leak -> why.add("an error body with " + leak));
            }
            if (reply.status() >= 400 && reply.status() < 500) {
                refused++;
                var after = owner.queryForList(checksum);
                if (!after.equals(before)) {
                    why.add("a refused request that changed " + changed(before, after));
                }
            }
            if (!why.isEmpty()) {
                failures.add("try " + i + " (seed " + SEED + "): " + String.join(", ", why) + "\n  " + request
                        + "\n  -> " + reply.status() + " " + abbreviated(reply.body()));
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        System.out.printf("HOSTILE-SUMMARY\ttries=%d\toperations=%d\trefused=%d\tfailures=%d\tseed=%d\tseconds=%d"
                + "\tstatuses=%s%n", TRIES, operations.size(), refused, failures.size(), SEED, seconds, statuses);
        System.out.printf("HOSTILE-TIMING\tquiet=%dms\tchecksum=%dms\tsend=%dms%n", quietNanos / 1_000_000,
                checksumNanos / 1_000_000, sendNanos / 1_000_000);
        failures.stream().limit(20).forEach(f -> System.out.println("HOSTILE-FAILURE\t" + f.replace('\n', ' ')));
        assertThat(operations).as("every operation of the document").hasSizeGreaterThan(40);
        assertThat(refused).as("hostile input is refused, mostly").isGreaterThan(TRIES / 2);
        assertThat(failures).as("answers that broke an invariant").isEmpty();
    }

    /** An operation of the document, with what it takes. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema, JsonNode components) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request to send: {@code target} is the path and query, encoded already (hostile encodings included). */
    record Hostile(String method, String target, String token, String contentType, byte[] body, long declaredLength) {

        @Override
        public String toString() {
            var shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return method + " " + abbreviated(target) + " [" + contentType + ", " + (body == null ? 0 : body.length)
                    + " bytes" + (declaredLength > 0 ? ", declared " + declaredLength : "") + "] "
                    + shown.replace("\u0000", "\\0");
        }
    }

    record Reply(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    private List<Operation> operations(JsonNode document) {
        var operations = new ArrayList<Operation>();
        var components = document.path("components").path("schemas");
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            var operation = entry.getValue();
            var method = entry.getKey().toUpperCase();
            if ((method + " " + path.getKey()).equals(DELETES_THE_CALLER)) {
                return;
            }
            var parameters = new ArrayList<JsonNode>();
            operation.path("parameters").forEach(parameters::add);
            var content = operation.path("requestBody").path("content");
            var schema = content.has("application/json") ? content.get("application/json").path("schema") : null;
            operations.add(new Operation(method, path.getKey(), parameters, schema, components));
        }));
        return operations;
    }

    private Reply send(Hostile request) throws IOException, InterruptedException {
        if (request.declaredLength() > 0) {
            var raw = RawHttp.send(port, request.method() + " " + request.target() + " HTTP/1.1\r\n"
                    + (request.token() == null ? "" : "Authorization: Bearer " + request.token() + "\r\n")
                    + "Content-Type: " + request.contentType() + "\r\nContent-Length: " + request.declaredLength()
                    + "\r\n", request.body());
            return new Reply(raw.status(), raw.contentType(), raw.body());
        }
        URI uri;
        try {
            uri = URI.create("http://localhost:" + port + request.target());
        } catch (IllegalArgumentException notAUri) {
            var raw = RawHttp.send(port, request.method() + " " + request.target() + " HTTP/1.1\r\n", null);
            return new Reply(raw.status(), raw.contentType(), raw.body());
        }
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(40)).method(request.method(),
                request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.token() != null) {
            builder.header("Authorization", "Bearer " + request.token());
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    /**
     * One statement over every table of the schema: its row count and a sum of row hashes, as the owner (who sees every
     * row); access bookkeeping columns left out, since reading a key or a profile stamps them.
     */
    private String checksumQuery() {
        var tables = database.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'event_publication%' "
                + "AND table_name NOT LIKE 'databasechangelog%' ORDER BY table_name");
        return tables.stream().map(t -> t.get("table_name").toString())
                .map(t -> "SELECT '" + t + "' AS name, count(*) AS row_count, coalesce(sum(hashtext((to_jsonb(t) "
                        + "- 'last_used_at' - 'last_seen_at')::text)::bigint), 0) AS checksum FROM public.\"" + t
                        + "\" t")
                .collect(Collectors.joining(" UNION ALL ")) + " ORDER BY name";
    }

    /** Until the followers of every event published since the suite began have run (their publication completed). */
    private static void awaitQuiet(JdbcTemplate owner, Timestamp since) throws Exception {
        Eventually.await(() -> owner.queryForObject("SELECT count(*) FROM event_publication WHERE "
                + "completion_date IS NULL AND publication_date >= ?", Integer.class, since) == 0);
    }

    private static String changed(List<Map<String, Object>> before, List<Map<String, Object>> after) {
        var names = new ArrayList<String>();
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            if (!before.get(i).equals(after.get(i))) {
                names.add(before.get(i).get("name") + " (" + before.get(i).get("row_count") + " -> "
                        + after.get(i).get("row_count") + " rows)");
            }
        }
        return names.toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }

    /** Where the hostile values come from: one seeded source, so that a failing run can be repeated exactly. */
    private final class HostileValues {

        private static final String MEGABYTE = "a".repeat(1024 * 1024);
        private static final List<String> TEXTS = List.of("\u0000", "nul\u0000inside", "\uD800", "lone \uDC00 low",
                "' OR '1'='1", "'; DROP TABLE agents; --", "1; SELECT pg_sleep(5)", "\" , \"injected\": true, \"x\": \"",
                "{\"$gt\": \"\"}", "</script><script>alert(1)</script>", "../../../etc/passwd", "%00", "%s%n%x",
                "\u202Eevil", "", " ", "null", "true", "-1", "9223372036854775808", "NaN", "\uFEFF", "\r\nX-Injected: 1");
        private static final List<String> NUMBERS = List.of("-1", "0", "2147483648", "-2147483649",
                "9223372036854775808", "-9223372036854775809", "1e309", "1.5", "-0.0", "1e-400",
                "99999999999999999999999999999999", "0.1234567890123456789");
        private static final List<String> PATH_IDS = List.of("0", "-1", "99999999999999999999", "null", "undefined",
                "%2e%2e", "%2F", "%00", "%ZZ", "..", "'%20OR%201=1", "%7B%7D", "a".repeat(5000), "%F0%9F%98%80",
                "00000000-0000-0000-0000-000000000000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz");
        private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-7",
                "application/octet-stream", "*/*", "application/json;;;");
        private static final List<String> RAW_BODIES = List.of("", "null", "[]", "{", "{\"a\":1}{}", "\"text\"", "0",
                "{\"\u0000\":1}", "[{}, {}]", "{\"a\":", "\u00FF\u00FE", "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}");

        private final Random random;
        private final String agentId;

        HostileValues(Random random, String agentId) {
            this.random = random;
            this.agentId = agentId;
        }

        Hostile request(Operation operation, String user, String key) {
            var token = operation.path().startsWith("/api/runtime") || operation.path().startsWith("/v1/") ? key : user;
            if (chance(8)) {
                token = null;
            }
            var target = new StringBuilder();
            for (var segment : operation.path().split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                target.append('/').append(segment.startsWith("{") ? pathValue() : segment);
            }
            target.append(query(operation));
            if (operation.bodySchema() == null && !chance(6)) {
                return new Hostile(operation.method(), target.toString(), token, null, null, 0);
            }
            if (chance(25)) {
                return new Hostile(operation.method(), target.toString(), token, "application/json", new byte[0],
                        10L * 1024 * 1024); // a 10 MB body declared: refused on its length, before it is sent
            }
            var contentType = chance(8) ? pick(CONTENT_TYPES) : "application/json";
            String body;
            if (chance(5)) {
                body = pick(RAW_BODIES);
            } else if (chance(30)) {
                body = "{\"big\":\"" + MEGABYTE + "\"}";
            } else {
                var schema = operation.bodySchema() != null ? operation.bodySchema()
                        : json.readTree("{\"properties\":{\"unexpected\":{\"type\":\"string\"}}}");
                body = mutated(skeleton(schema, operation.components(), 0), operation);
            }
            return new Hostile(operation.method(), target.toString(), token, contentType,
                    escapedSurrogates(body).getBytes(StandardCharsets.UTF_8), 0);
        }

        private String pathValue() {
            if (chance(4)) {
                return agentId;
            }
            if (chance(4)) {
                return UUID.randomUUID().toString();
            }
            return pick(PATH_IDS);
        }

        private String query(Operation operation) {
            var pairs = new ArrayList<String>();
            for (var parameter : operation.parameters()) {
                if (!parameter.path("in").asString("").equals("query") || chance(3)) {
                    continue;
                }
                pairs.add(encode(parameter.get("name").asString()) + "=" + queryValue(parameter.path("schema")));
            }
            if (chance(5)) {
                pairs.add("unknown=" + encode(pick(TEXTS)));
            }
            if (chance(12)) {
                pairs.add("limit=%ZZ");
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }

        private String queryValue(JsonNode schema) {
            var type = schema.path("type").asString("string");
            if (chance(3)) {
                return encode(type.equals("integer") || type.equals("number") ? pick(NUMBERS) : pick(TEXTS));
            }
            if (chance(10)) {
                return encode(MEGABYTE.substring(0, 100_000)); // long, but within the header limit
            }
            return encode(chance(2) ? pick(TEXTS) : pick(NUMBERS));
        }

        /** A body of the schema's shape with plausible values, for a mutation to spoil one part of. */
        private JsonNode skeleton(JsonNode schema, JsonNode components, int depth) {
            var ref = schema.path("$ref").asString("");
            if (!ref.isEmpty()) {
                return skeleton(components.path(ref.substring(ref.lastIndexOf('/') + 1)), components, depth + 1);
            }
            var type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
            switch (type) {
            case "object": {
                var object = json.createObjectNode();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(p -> object.set(p.getKey(),
                            skeleton(p.getValue(), components, depth + 1)));
                }
                return object;
            }
            case "array": {
                var array = json.createArrayNode();
                if (depth < 4) {
                    array.add(skeleton(schema.path("items"), components, depth + 1));
                }
                return array;
            }
            case "integer":
                return json.getNodeFactory().numberNode(1);
            case "number":
                return json.getNodeFactory().numberNode(0.5);
            case "boolean":
                return json.getNodeFactory().booleanNode(true);
            default:
                if (schema.has("enum")) {
                    return schema.get("enum").get(0);
                }
                return json.getNodeFactory().stringNode(schema.path("format").asString("").equals("uuid") ? agentId
                        : "plain");
            }
        }

        /** The skeleton with one to three of its fields spoiled, or a field it does not know. */
        private String mutated(JsonNode skeleton, Operation operation) {
            if (!(skeleton instanceof ObjectNode object) || object.isEmpty()) {
                return skeleton.toString();
            }
            int spoils = 1 + random.nextInt(3);
            var names = new ArrayList<String>(object.propertyNames());
            for (int i = 0; i < spoils; i++) {
                if (chance(8)) {
                    object.put("unknownField" + i, pick(TEXTS));
                    continue;
                }
                var name = names.get(random.nextInt(names.size()));
                object.set(name, hostileNode(object.get(name)));
            }
            return object.toString();
        }

        private JsonNode hostileNode(JsonNode plausible) {
            var nodes = json.getNodeFactory();
            switch (random.nextInt(7)) {
            case 0:
                return nodes.stringNode(pick(TEXTS));
            case 1:
                return json.readTree(pick(NUMBERS));
            case 2:
                return nodes.nullNode();
            case 3:
                return plausible != null && plausible.isString() ? nodes.numberNode(12) : nodes.stringNode("12");
            case 4:
                var array = json.createArrayNode();
                array.add(pick(TEXTS));
                return array;
            case 5:
                var object = json.createObjectNode();
                object.put(pick(TEXTS), pick(TEXTS));
                return object;
            default:
                return nodes.stringNode(chance(4) ? MEGABYTE : pick(TEXTS) + pick(TEXTS));
            }
        }

        /** UTF-8 cannot carry a lone surrogate: JSON's escape can, and that is how a hostile client sends one. */
        private static String escapedSurrogates(String body) {
            var escaped = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < body.length()
                        && Character.isLowSurrogate(body.charAt(i + 1));
                if (paired) {
                    escaped.append(c).append(body.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    escaped.append(String.format("\\u%04x", (int) c));
                } else {
                    escaped.append(c);
                }
            }
            return escaped.toString();
        }

        private boolean chance(int oneIn) {
            return random.nextInt(oneIn) == 0;
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }

        private String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
