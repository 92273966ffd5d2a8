package com.agentanchor.hostile;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.JsonNode;

/**
 * What a hostile client found (issue 15), each kept fixed: text PostgreSQL cannot store refused naming its field, every
 * error as problem details however early it is raised (Tomcat, the firewall, a webhook's signature), a body over the
 * limit refused before it is read, and an API document that does not ask for what the server fills in.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileClientTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Test
    void aNulOrALoneSurrogateInAnyTextIsA400NamingTheFieldAndWritesNothing() {
        var api = new Api(port);
        var owner = api.token(unique("nul"));
        var ownerId = api.profileId(owner);
        var agent = api.post("/api/agents", owner, Map.of("name", "Clean")).body().get("id").asString();
        database.update("UPDATE agents SET status = 'active', graduated_at = now() WHERE id = ?::uuid", agent);
        int agentsBefore = agentsOf(ownerId);

        var nul = api.post("/api/agents", owner, "{\"name\":\"Sc\\u0000out\",\"systemPrompt\":\"fine\"}");
        assertRefused(nul, "name", "NUL");
        var surrogate = api.post("/api/agents", owner, "{\"name\":\"Scout\",\"description\":\"half \\ud83d of it\"}");
        assertRefused(surrogate, "description", "unpaired surrogate");
        var lowAlone = api.patch("/api/agents/" + agent, owner, "{\"systemPrompt\":\"\\udc00\"}");
        assertRefused(lowAlone, "systemPrompt", "unpaired surrogate");
        var item = api.post("/api/marketplace/listings", owner, "{\"agentId\":\"" + agent + "\",\"title\":\"ok\","
                + "\"tags\":[\"fine\",\"bad\\u0000\"]}");
        assertRefused(item, "tags[1]", "NUL");
        var mapKey = api.post("/api/marketplace/listings", owner, "{\"agentId\":\"" + agent + "\",\"title\":\"ok\","
                + "\"previewConfig\":{\"k\\u0000\":1}}");
        assertThat(mapKey.status()).isEqualTo(400);
        assertThat(mapKey.body().get("errors").get(0).get("field").asString()).startsWith("previewConfig");
        var nested = api.post("/api/marketplace/listings", owner, "{\"agentId\":\"" + agent + "\",\"title\":\"ok\","
                + "\"previewConfig\":{\"k\":[\"\\u0000\"]}}");
        assertThat(nested.status()).isEqualTo(400);

        var key = api.post("/api/agents/" + agent + "/keys", owner, Map.of("name", "nul")).body().get("key")
                .asString();
        var deepKey = api.post("/api/runtime/events", key, "{\"eventType\":\"tool.x\",\"title\":\"t\","
                + "\"payload\":{\"a\":{\"b\\u0000\":1}}}");
        assertRefused(deepKey, "payload.a", "NUL");
        assertThat(database.query("SELECT count(*) FROM observer_events WHERE subject_id = ?::uuid "
                + "AND event_type = 'tool.x'", Integer.class, agent)).isZero();

        var pair = api.post("/api/agents", owner, "{\"name\":\"Smile \\ud83d\\ude00\"}");
        assertThat(pair.status()).as("a surrogate pair is a character like any other").isEqualTo(201);
        assertThat(pair.body().get("name").asString()).isEqualTo("Smile \uD83D\uDE00");
        assertThat(agentsOf(ownerId)).as("only the acceptable one written").isEqualTo(agentsBefore + 1);
        assertThat(database.query("SELECT count(*) FROM marketplace_listings WHERE agent_id = ?::uuid", Integer.class,
                agent)).isZero();
    }

    @Test
    void aNulInAQueryParameterOrMalformedUrlEncodingIsA400NamingIt() throws Exception {
        var api = new Api(port);
        var nul = api.get("/api/marketplace/listings?category=a%00b", null);
        assertRefused(nul, "category", "NUL");
        var malformed = RawHttp.send(port, "GET /api/marketplace/listings?q=%ZZ HTTP/1.1\r\n", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        var wildcard = RawHttp.send(port, "POST /api/agents HTTP/1.1\r\nAuthorization: Bearer " + api.token(
                unique("wild")) + "\r\nContent-Type: */*\r\nContent-Length: 2\r\n", "{}".getBytes(
                StandardCharsets.US_ASCII));
        assertThat(wildcard.status()).as("%s", wildcard).isEqualTo(415);
        assertThat(wildcard.isProblem()).isTrue();

        var token = api.token(unique("form"));
        var form = RawHttp.send(port, "POST /api/realtime/auth HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 30\r\n",
                "socket_id=%ZZ&channel_name=abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(form.status()).as("%s", form).isEqualTo(400);
        assertThat(form.isProblem()).isTrue();
        var nulInForm = "{\"sub\":null,\"unknownField0\":\"%00\"}".getBytes(StandardCharsets.US_ASCII);
        var formWithNul = RawHttp.send(port, "POST /dev/token HTTP/1.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + nulInForm.length + "\r\n", nulInForm);
        assertThat(formWithNul.status()).as("%s", formWithNul).isEqualTo(400);
        assertThat(formWithNul.isProblem()).as("%s", formWithNul).isTrue();

        // PUT, PATCH and DELETE with a form body: Boot's FormContentFilter parsed it before anything else (a 500).
        var malformedForm = "a=%s%n".getBytes(StandardCharsets.US_ASCII);
        var formHead = "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + malformedForm.length
                + "\r\n";
        for (var method : new String[] { "PATCH", "PUT", "DELETE" }) {
            var reply = RawHttp.send(port, method + " /api/profiles/me HTTP/1.1\r\n" + formHead, malformedForm);
            assertThat(reply.status()).as("%s %s", method, reply).isEqualTo(401);
            assertThat(reply.isProblem()).isTrue();
        }
        var patch = RawHttp.send(port, "PATCH /api/profiles/me HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n"
                + formHead, malformedForm);
        assertThat(patch.status()).as("%s", patch).isEqualTo(415);
        assertThat(patch.isProblem()).isTrue();
    }

    @Test
    void whatTomcatAndTheFirewallRefuseIsProblemDetailsToo() throws Exception {
        for (var path : new String[] { "/api/agents/a%2Fb", "/api/agents/a%00b" }) {
            var reply = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nAccept: text/html\r\n", null);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.isProblem()).as("%s: %s", path, reply).isTrue();
            assertThat(reply.body()).doesNotContain("<html", "Apache Tomcat");
        }
        var bigHeader = RawHttp.send(port, "GET /api/agents HTTP/1.1\r\nX-Padding: " + "a".repeat(300_000) + "\r\n",
                null);
        assertThat(bigHeader.status()).isEqualTo(400);
        assertThat(bigHeader.isProblem()).as("%s", bigHeader).isTrue();

        var api = new Api(port);
        var token = api.token(unique("firewall"));
        var dotDot = RawHttp.send(port, "GET /api/agents/%2e%2e HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n",
                null);
        assertThat(dotDot.status()).isEqualTo(400);
        assertThat(dotDot.isProblem()).as("%s", dotDot).isTrue();
        // A C1 control (NEL) in a header: Tomcat passes it on (obs-text), the firewall refuses it when it is read.
        var control = RawHttp.send(port, "GET /api/agents HTTP/1.1\r\nAuthorization: Bearer " + token + "\u0085\r\n",
                null);
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.isProblem()).as("%s", control).isTrue();
        assertThat(control.body()).contains("a control character in its path, a header or a parameter");
        var semicolon = RawHttp.send(port, "GET /api/agents;x=1 HTTP/1.1\r\n", null);
        assertThat(semicolon.status()).isEqualTo(400);
        assertThat(semicolon.isProblem()).isTrue();

        var typo = api.get("/api/agent", token);
        assertThat(typo.status()).isEqualTo(404);
        assertThat(typo.isProblem()).isTrue();
        assertThat(typo.body().get("detail").asString()).isEqualTo(
                "Nothing answers GET /api/agent (the API's operations: /v3/api-docs)");

        var error = api.get("/error", null);
        assertThat(error.status()).as("/error itself is nothing to serve").isEqualTo(404);
        assertThat(error.isProblem()).isTrue();
    }

    /**
     * Problem details written before Spring MVC (no token, the firewall, Tomcat's own refusals on the error dispatch, a
     * foreign origin's preflight, a body over the limit) name the path they answer in {@code instance}, as MVC's do.
     */
    @Test
    void everyProblemNamesThePathItAnswers() throws Exception {
        var api = new Api(port);
        var replies = Map.of(
                "/api/agents", RawHttp.send(port, "GET /api/agents HTTP/1.1\r\n", null),
                "/api/agents/a%2Fb", RawHttp.send(port, "GET /api/agents/a%2Fb HTTP/1.1\r\n", null),
                "/api/agents;x=1", RawHttp.send(port, "GET /api/agents;x=1 HTTP/1.1\r\n", null),
                "/api/council/decisions", RawHttp.send(port, "OPTIONS /api/council/decisions HTTP/1.1\r\n"
                        + "Origin: https://elsewhere.example\r\nAccess-Control-Request-Method: POST\r\n", null),
                "/api/observer/events", RawHttp.send(port, "POST /api/observer/events HTTP/1.1\r\nAuthorization: "
                        + "Bearer " + api.token(unique("instance")) + "\r\nContent-Length: 10485760\r\n", null),
                "/api/nothing/here", RawHttp.send(port, "GET /api/nothing/here HTTP/1.1\r\nAuthorization: Bearer "
                        + api.token(unique("instance")) + "\r\n", null));

        replies.forEach((path, reply) -> {
            assertThat(reply.isProblem()).as("%s: %s", path, reply).isTrue();
            assertThat(reply.body()).as(path).contains("\"instance\":\"" + path + "\"");
        });
    }

    /**
     * The application's firewall is the one the filter chain uses (Spring Security's composite proxy keeps the chain
     * that filters behind a field of its own; its own firewall is a default one). The application's handler of refused
     * requests shows in the detail asserted above.
     */
    @Test
    void theFilterChainUsesTheApplicationsFirewall(@Autowired FilterChainProxy chain, @Autowired HttpFirewall firewall) {
        var filtering = ReflectionTestUtils.getField(chain, "springSecurityFilterChain");
        assertThat(ReflectionTestUtils.getField(filtering, "firewall")).isSameAs(firewall);
    }

    @Test
    void aWebhookWithABadSignatureIsA401Problem() throws Exception {
        var body = "{\"time_ms\":1,\"events\":[]}";
        var reply = RawHttp.send(port, "POST /api/realtime/webhooks HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "X-Pusher-Key: someone\r\nX-Pusher-Signature: forged\r\nContent-Length: " + body.length() + "\r\n",
                body.getBytes(StandardCharsets.US_ASCII));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.isProblem()).as("%s", reply).isTrue();
    }

    @Test
    void aBodyOverTheLimitIsA413BeforeItIsReadWhole(CapturedOutput log) throws Exception {
        var api = new Api(port);
        var token = api.token(unique("large"));
        var ownerId = api.profileId(token);
        // RawHttp also fails if the server then waits for the promised body instead of closing (UnreadBodies).
        var declared = RawHttp.send(port, "POST /api/agents HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n", null);
        assertThat(declared.status()).as("refused on the declared length alone, no byte sent").isEqualTo(413);
        assertThat(declared.isProblem()).isTrue();
        // The container's error dispatch after such an answer passes the firewall, which refuses this path too.
        var dotDot = RawHttp.send(port, "POST /api/agents/%2e%2e/retire HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: 10485760\r\n", null);
        assertThat(dotDot.status()).isEqualTo(413);
        assertThat(log.getAll()).as("what that dispatch would write is dropped, not an ERROR").doesNotContain(
                "Unhandled error", "threw exception");

        var huge = new StringBuilder(9 * 1024 * 1024).append("{\"name\":\"");
        huge.append("a".repeat(9 * 1024 * 1024)).append("\"}");
        var chunks = chunked(huge.toString().getBytes(StandardCharsets.US_ASCII));
        var streamed = RawHttp.send(port, "POST /api/agents HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n", chunks);
        assertThat(streamed.status()).as("counted as it is read: %s", streamed.body()).isEqualTo(413);
        assertThat(streamed.isProblem()).isTrue();
        assertThat(agentsOf(ownerId)).isZero();
    }

    /**
     * What Tomcat refuses before the application (a NUL in the path) does not wait for a declared body over the drain
     * limit either: the answer, then the connection closes (RawHttp fails if it is still open 8 s later; Tomcat waited
     * the connection timeout, 10 s, for 2 MB that never came). The generated hostile input found it.
     */
    @Test
    void aRequestTomcatRefusesIsNotHeldForTheBodyItPromised() throws Exception {
        var reply = RawHttp.send(port, "POST /api/agents/%00 HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 10485760\r\n", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
    }

    /**
     * A body the API would accept, answered before it is read (a path id that is no id): the client sending it reads
     * its answer whole. Tomcat drained only 2 MB by default, then closed with the rest unread, and the reset took the
     * answer with it (the JDK client: "chunked transfer encoding, state: READING_LENGTH"). The generated hostile input
     * found it, with 2 MB and a few hundred bytes.
     */
    @Test
    void aLargeBodyAnsweredBeforeItIsReadStillGetsItsAnswer() throws Exception {
        var token = new Api(port).token(unique("sender"));
        var body = "{\"title\":\"" + "a".repeat(2 * 1024 * 1024 + 300) + "\"}";
        var client = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            var reply = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/marketplace/listings/not-an-id"))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(400);
            assertThat(reply.body()).contains("\"status\":400");
        }
    }

    /**
     * A body under the drain limit that never comes is waited for after the answer, as Tomcat drains it, but only as
     * long as the connection timeout (10 s; Tomcat's own default is a minute), not a request thread's minute.
     */
    @Test
    void aPromisedBodyThatNeverComesIsWaitedForOnlyTheConnectionTimeout() throws Exception {
        var reply = RawHttp.send(port, "POST /api/agents HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1048576\r\n", null, Duration.ofSeconds(30));
        assertThat(reply.status()).as("answered at once, before any of the body").isEqualTo(401);
    }

    @Test
    void theApiDocumentAsksForNothingTheServerFillsIn() {
        var doc = new Api(port).get("/v3/api-docs", null).body();
        var serverFilled = new java.util.ArrayList<String>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            for (JsonNode parameter : op.getValue().path("parameters")) {
                var ref = parameter.path("schema").path("$ref").asString("");
                if (ref.endsWith("/ProfileId") || ref.endsWith("/CallingAgent")) {
                    serverFilled.add(op.getKey() + " " + path.getKey() + " " + parameter.get("name").asString());
                }
            }
        }));
        assertThat(serverFilled).isEmpty();
        assertThat(doc.get("components").get("schemas").has("ProfileId")).isFalse();
        assertThat(doc.get("paths").get("/api/agents").get("post").has("parameters")).isFalse();
    }

    private int agentsOf(String ownerId) {
        return database.query("SELECT count(*) FROM agents WHERE owner_id = ?::uuid", Integer.class, ownerId);
    }

    private static void assertRefused(Api.Response response, String field, String why) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        var error = response.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(why);
    }

    private static byte[] chunked(byte[] body) {
        var out = new java.io.ByteArrayOutputStream(body.length + 1024);
        int chunk = 64 * 1024;
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
