package com.agentanchor.truthchain.adapter.in.web;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.platform.paging.KeysetPage;
import com.agentanchor.truthchain.application.port.in.ChainHead;
import com.agentanchor.truthchain.application.port.in.ConsistencyProof;
import com.agentanchor.truthchain.application.port.in.InclusionProof;
import com.agentanchor.truthchain.application.port.in.PrivateFieldsErasure;
import com.agentanchor.truthchain.application.port.in.PublishedKeyView;
import com.agentanchor.truthchain.application.port.in.RangeVerification;
import com.agentanchor.truthchain.application.port.in.RecordVerification;
import com.agentanchor.truthchain.application.port.in.TruthChainAudit;
import com.agentanchor.truthchain.domain.Actor;
import com.agentanchor.truthchain.domain.Defect;
import com.agentanchor.truthchain.domain.Subject;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Public verification: no login, so that a third party can check a record, the chain, a checkpoint, a proof. A
 * bearer token is optional: when sent it is verified (a bad one is a 401, as anywhere) and the caller acts as its
 * user, so a sealed record's private fields are shown to those who may see its subject.
 */
@RestController
@RequestMapping("/api/truth-chain")
class TruthChainController {

    private final TruthChainAudit audit;
    private final PrivateFieldsErasure erasure;

    TruthChainController(TruthChainAudit audit, PrivateFieldsErasure erasure) {
        this.audit = audit;
        this.erasure = erasure;
    }

    @GetMapping("/records")
    @Operation(summary = "A subject's records, newest first",
            description = "The records about subjectId (an agent, a council decision, an acquisition, a profile), each "
                    + "exactly as GET /records/{sequence} shows it: verified, and a sealed record's privateFields only "
                    + "with a token that may see the subject. Pass a page's next as before for the older ones.")
    @ApiResponse(responseCode = "200", description = "{items, next}; next is null on the last page")
    KeysetPage<RecordResponse> records(@RequestParam UUID subjectId,
            @RequestParam(required = false) @Size(max = 300) String before,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        var page = audit.recordsOf(subjectId, before, limit);
        return new KeysetPage<>(page.items().stream().map(RecordResponse::of).toList(), page.next());
    }

    @GetMapping("/records/{sequence}")
    RecordResponse record(@PathVariable long sequence) {
        return RecordResponse.of(audit.record(sequence));
    }

    /**
     * Erases the caller's private fields from the truth chain (signed in only): those of sealed records about them,
     * their agents, the decisions about their agents and their acquisitions. Every record still verifies.
     */
    @DeleteMapping("/private-fields/mine")
    Erased eraseMine() {
        return new Erased(erasure.eraseMine());
    }

    record Erased(int records) {
    }

    @GetMapping("/verify")
    RangeVerification verify(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
        return audit.verify(from, to);
    }

    @GetMapping("/head")
    ChainHead head() {
        return audit.head();
    }

    @GetMapping("/proofs/inclusion")
    InclusionProof inclusion(@RequestParam long sequence, @RequestParam(required = false) Long treeSize) {
        return audit.inclusionProof(sequence, treeSize);
    }

    @GetMapping("/proofs/consistency")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        return audit.consistencyProof(from, to);
    }

    @GetMapping("/keys")
    List<PublishedKeyView> keys() {
        return audit.keys();
    }

    /**
     * A record as signed, the evidence to check it yourself ({@code canonical}: the exact bytes that were hashed,
     * base64; {@code hash}: their SHA-256, hex; {@code signature}: Ed25519 over the 32 hash bytes, base64;
     * {@code keyId}: the published key), and whether the server found it intact. A sealed record (format 2 with a
     * {@code commitment}) adds {@code privateFields}, its opening ({"actor","payload","salt"}, canonical JSON whose
     * SHA-256 is the commitment), only for a caller who may see its subject; {@code payloadVerified} says the payload
     * shown (the signed one, plus the opening's for a sealed record) is complete and matches the signature;
     * {@code disclosure} is public, disclosed, mismatch or withheld.
     */
    record RecordResponse(long sequence, int format, String recordType, Subject subject, Actor actor,
            @JsonRawValue String payload, Instant createdAt, String previousHash, String hash, String signature,
            String keyId, String canonical, boolean verified, Defect defect, String reason, String commitment,
            @JsonRawValue String privateFields, boolean payloadVerified, String disclosure) {

        static RecordResponse of(RecordVerification r) {
            return new RecordResponse(r.sequence(), r.format(), r.recordType(), r.subject(), r.actor(), r.payload(),
                    r.createdAt(), r.previousHash(), r.hash(), r.signature(), r.keyId(),
                    Base64.getEncoder().encodeToString(r.canonical()), r.verified(), r.defect(), r.reason(),
                    r.commitment(), r.opening(), r.payloadVerified(), r.disclosure());
        }
    }
}
