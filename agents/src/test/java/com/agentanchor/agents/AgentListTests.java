package com.agentanchor.agents;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;

import tools.jackson.databind.JsonNode;

/**
 * The agent list's filters and keyset pages. The database is shared with other tests, so each assertion is about this
 * test's own agents (owner=me, or a name only this test uses), never about the whole table.
 */
@IntegrationTest
class AgentListTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    Api api;
    String token;
    String marker;

    @BeforeEach
    void connect() {
        api = new Api(port);
        token = api.token(unique("lister"));
        marker = unique("Zq").replace("-", "");
    }

    @Test
    void filtersNarrowWhatTheCallerMaySee() {
        var scout = register(marker + " Scout", "Finds 100% of things", "research", List.of("search", "web"));
        var writer = register("Writer", "Writes about " + marker.toLowerCase(), "content", List.of("prose"));
        var active = register("Active", null, "research", List.of("web"));
        database.update("UPDATE agents SET status = 'active' WHERE id = ?::uuid", active);
        var stranger = api.token(unique("stranger"));
        var strangers = api.post("/api/agents", stranger, Map.of("name", marker + " theirs")).body().get("id")
                .asString();

        assertThat(ids("owner=me")).containsExactly(active, writer, scout);
        assertThat(ids("owner=me&status=active")).containsExactly(active);
        assertThat(ids("owner=me&status=draft")).containsExactly(writer, scout);
        assertThat(ids("q=" + marker.toUpperCase())).as("name or description, any case").containsExactly(writer,
                scout);
        assertThat(ids("q=" + marker)).as("another's draft stays hidden").doesNotContain(strangers);
        assertThat(ids("owner=me&q=100%25")).as("% is a character, not a wildcard").containsExactly(scout);
        assertThat(ids("owner=me&q=1_0")).as("_ too").isEmpty();
        assertThat(ids("owner=me&category=research")).containsExactly(active, scout);
        assertThat(ids("owner=me&tag=web")).containsExactly(active, scout);
        assertThat(ids("owner=me&tag=web&category=research&status=draft")).containsExactly(scout);
    }

    @Test
    void keysetPagesNeitherOverlapNorSkipAndPageNumbersStillWork() {
        var registered = new ArrayList<String>();
        for (int i = 0; i < 7; i++) {
            registered.add(0, register("Paged " + i, null, null, List.of()));
        }
        // Two of them share a creation time: the id breaks the tie.
        database.update("UPDATE agents SET created_at = (SELECT created_at FROM agents WHERE id = ?::uuid) "
                + "WHERE id = ?::uuid", registered.get(2), registered.get(3));

        var walked = new ArrayList<String>();
        String after = null;
        int pages = 0;
        do {
            var page = api.get("/api/agents?owner=me&size=3" + (after == null ? "" : "&after=" + after), token);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(a -> walked.add(a.get("id").asString()));
            after = page.body().get("next").isNull() ? null : page.body().get("next").asString();
            assertThat(page.body().get("hasNext").asBoolean()).isEqualTo(after != null);
            pages++;
        } while (after != null && pages < 10);

        assertThat(walked).as("every agent once").containsExactlyInAnyOrderElementsOf(registered).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
        var byNumber = new ArrayList<String>();
        for (int page = 0; page < 3; page++) {
            api.get("/api/agents?owner=me&size=3&page=" + page, token).body().get("items")
                    .forEach(a -> byNumber.add(a.get("id").asString()));
        }
        assertThat(byNumber).isEqualTo(walked);
    }

    @Test
    void badFiltersAndCursorsAreProblemsNamingTheParameter() {
        assertThat(problemField("status=sleeping")).isEqualTo("status");
        assertThat(problemField("owner=someone")).isEqualTo("owner");
        assertThat(problemField("after=not-a-cursor!")).isEqualTo("after");
        var foreign = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("trust-history|2025-01-01T00:00:00Z|00000000-0000-0000-0000-000000000000".getBytes());
        assertThat(problemField("after=" + foreign)).as("another list's cursor").isEqualTo("after");
        var malformed = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("agents|yesterday|x".getBytes());
        assertThat(problemField("after=" + malformed)).isEqualTo("after");
        assertThat(problemField("size=0")).isEqualTo("size");
    }

    private String problemField(String query) {
        var response = api.get("/api/agents?" + query, token);
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        return response.body().has("errors") ? response.body().get("errors").get(0).get("field").asString()
                : response.body().get("detail").asString().split(":")[0];
    }

    private String register(String name, String description, String category, List<String> tags) {
        var metadata = new java.util.HashMap<String, Object>();
        if (category != null) {
            metadata.put("category", category);
        }
        metadata.put("tags", tags);
        var body = new java.util.HashMap<String, Object>(Map.of("name", name, "metadata", metadata));
        if (description != null) {
            body.put("description", description);
        }
        var created = api.post("/api/agents", token, body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private List<String> ids(String query) {
        var response = api.get("/api/agents?size=100&" + query, token);
        assertThat(response.status()).as("%s: %s", query, response.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        for (JsonNode a : response.body().get("items")) {
            ids.add(a.get("id").asString());
        }
        return ids;
    }
}
