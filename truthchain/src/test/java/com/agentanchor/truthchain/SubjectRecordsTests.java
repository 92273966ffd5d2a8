package com.agentanchor.truthchain;

import static com.agentanchor.support.Eventually.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.agentanchor.support.Api;
import com.agentanchor.support.IntegrationTest;
import com.agentanchor.support.OwnerDatabase;
import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.TruthRecording;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.RecordType;
import com.agentanchor.truthchain.domain.Subject;

import tools.jackson.databind.JsonNode;

/**
 * A subject's records, newest first: each exactly as its own {@code GET /records/{n}} shows it to the same reader,
 * so the list discloses a draft agent's private fields to its owner and to nobody else.
 */
@IntegrationTest
class SubjectRecordsTests {

    @LocalServerPort
    int port;

    @Autowired
    OwnerDatabase database;

    @Autowired
    TruthRecording truth;

    Api api;
    String owner;
    String agent;
    String secret;

    @BeforeEach
    void aDraftAgentWithFiveRecords() throws Exception {
        api = new Api(port);
        owner = api.token(unique("subject-owner"));
        agent = api.post("/api/agents", owner, Map.of("name", "Chronicled")).body().get("id").asString();
        database.awaitRow("creation record",
                "SELECT 1 FROM truth_chain WHERE subject_id = ?::uuid AND record_type = 'agent_creation'", agent);
        secret = "secret-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            truth.record(new NewTruth(UUID.randomUUID(), RecordType.trust_change, Subject.agent(UUID.fromString(agent)),
                    Actor.system(), Map.of("occurredAt", "2025-01-0" + (i + 1) + "T00:00:00Z"),
                    Map.of("reason", secret, "change", i)));
        }
    }

    @Test
    void pagesWalkTheSubjectsRecordsNewestFirstWithoutOverlapOrGap() {
        var stored = database.rows("SELECT sequence_number FROM truth_chain WHERE subject_id = ?::uuid "
                + "ORDER BY sequence_number DESC", UUID.fromString(agent)).stream()
                .map(r -> ((Number) r.get("sequence_number")).longValue()).toList();
        assertThat(stored).hasSize(5);

        var walked = new ArrayList<Long>();
        String before = null;
        int pages = 0;
        do {
            var page = api.get("/api/truth-chain/records?subjectId=" + agent + "&limit=2"
                    + (before == null ? "" : "&before=" + before), null);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(r -> walked.add(r.get("sequence").asLong()));
            before = page.body().get("next").isNull() ? null : page.body().get("next").asString();
            pages++;
        } while (before != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(walked).isEqualTo(stored);
    }

    @Test
    void eachRecordIsShownAsItsOwnEndpointShowsItToTheSameReader() {
        var stranger = api.token(unique("stranger"));
        for (var reader : java.util.Arrays.asList(null, stranger, owner)) {
            var items = api.get("/api/truth-chain/records?subjectId=" + agent, reader).body().get("items");
            assertThat(items).hasSize(5);
            for (JsonNode item : items) {
                var single = api.get("/api/truth-chain/records/" + item.get("sequence").asLong(), reader).body();
                assertThat(item).isEqualTo(single);
                assertThat(item.get("verified").asBoolean()).isTrue();
            }
            var shown = items.toString();
            if (reader == owner) {
                assertThat(items).allSatisfy(r -> assertThat(r.get("disclosure").asString()).isEqualTo("disclosed"));
                assertThat(shown).contains(secret);
            } else {
                assertThat(items).allSatisfy(r -> assertThat(r.get("disclosure").asString()).isEqualTo("withheld"));
                assertThat(shown).doesNotContain(secret).doesNotContain("Chronicled");
            }
        }
        assertThat(api.get("/api/truth-chain/records?subjectId=" + UUID.randomUUID(), null).body().get("items"))
                .isEmpty();
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        for (var bad : List.of(List.of("", "subjectId"), List.of("subjectId=someone", "subjectId"),
                List.of("subjectId=" + agent + "&limit=0", "limit"), List.of("subjectId=" + agent + "&limit=101", "limit"),
                List.of("subjectId=" + agent + "&before=MTI", "before"),
                List.of("subjectId=" + agent + "&before=dHJ1dGgtY2hhaW4tc3ViamVjdHx0ZW4", "before"))) {
            var response = api.get("/api/truth-chain/records?" + bad.get(0), null);
            assertThat(response.status()).as(bad.get(0)).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.body().toString()).as(bad.get(0)).contains(bad.get(1));
        }
        var bearer = api.get("/api/truth-chain/records?subjectId=" + agent, "not-a-token");
        assertThat(bearer.status()).as("a bad token is a 401, even here").isEqualTo(401);
    }
}
