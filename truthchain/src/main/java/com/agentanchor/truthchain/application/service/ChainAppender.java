package com.agentanchor.truthchain.application.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.truthchain.application.port.in.NewTruth;
import com.agentanchor.truthchain.application.port.in.RecordedTruth;
import com.agentanchor.truthchain.application.port.out.TruthChainStore;
import com.agentanchor.truthchain.application.port.out.TruthChainStore.PrivateOpening;
import com.agentanchor.truthchain.application.port.out.TruthChainStore.SignedAppend;
import com.agentanchor.truthchain.domain.CanonicalJson;
import com.agentanchor.truthchain.domain.PrivateFields;
import com.agentanchor.truthchain.domain.Sha256;
import com.agentanchor.truthchain.domain.TruthRecord;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends with group commit. The chain is one sequence, so appends serialize on its advisory lock, held until
 * commit; one append per transaction would cap throughput at one commit at a time. Instead, concurrent callers
 * queue their records, and one of them (the leader, whoever gets the writer lock) takes everything queued (up to a
 * batch) and appends it in one transaction: lock, read head, build, canonicalize, hash and sign each record in
 * order, append all in one call, commit. The others park until the leader completes their records, then return;
 * the leader hands over as soon as its own record is in. A failing batch is retried record by record, so one bad
 * record fails only its own caller. Across instances the advisory lock still serializes batches.
 */
@Component
class ChainAppender {

    private static final Logger log = LoggerFactory.getLogger(ChainAppender.class);
    private static final HexFormat HEX = HexFormat.of();

    private final TruthChainStore store;
    private final KeyRing keys;
    private final OwnSignatures own;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final int maxBatch;
    private final ReentrantLock writer = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** What this instance appended last; only the leader (holding the writer lock) reads and writes it. */
    private Head lastHead;

    ChainAppender(TruthChainStore store, KeyRing keys, OwnSignatures own, JsonMapper json, Clock clock,
            PlatformTransactionManager transactions, @Value("${agentanchor.truthchain.max-batch:256}") int maxBatch) {
        this.store = store;
        this.keys = keys;
        this.own = own;
        this.json = json;
        this.clock = clock;
        // Its own transaction, whatever the caller has open; PostgreSQL's default isolation (READ COMMITTED), which
        // truth_chain_lock insists on: under REPEATABLE READ the head read after the lock wait would be stale.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxBatch = maxBatch;
    }

    RecordedTruth append(NewTruth truth) {
        // Serialization and canonicalization of the payload happen here, outside the chain's lock.
        // So is sealing: the private fields' canonical form, a fresh salt and the commitment.
        var pending = new Pending(truth, CanonicalJson.canonicalString(json.writeValueAsString(truth.payload())),
                truth.sealed() ? PrivateFields.seal(truth.actor(),
                        CanonicalJson.canonicalString(json.writeValueAsString(truth.privatePayload()))) : null);
        if (!pending.payload.startsWith("{")) {
            throw new IllegalArgumentException("a truth record's payload is a JSON object");
        }
        keys.ensurePublished();
        queue.add(pending);
        while (!pending.done) {
            if (writer.tryLock()) {
                // The leader: writes what is queued, batch after batch, until its own record is in.
                try {
                    while (!pending.done && writeQueued()) {
                        // next batch
                    }
                } finally {
                    writer.unlock();
                }
                // Hand over: whoever queued meanwhile leads next (or finds its record written already).
                var next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.waiter);
                }
            } else {
                // A follower: the leader completes it and wakes it up; the timeout only guards against a lost wake-up.
                LockSupport.parkNanos(this, 1_000_000);
            }
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.result;
    }

    /** Writes one batch of what is queued; false when nothing was. */
    private boolean writeQueued() {
        var batch = new ArrayList<Pending>();
        for (Pending next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return false;
        }
        write(batch);
        return true;
    }

    private void write(List<Pending> batch) {
        List<RecordedTruth> results;
        try {
            results = writeBatch(batch);
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                log.warn("A batch of {} truth records failed ({}); appending them one by one", batch.size(),
                        e.getMessage());
                for (Pending pending : batch) {
                    write(List.of(pending));
                }
            } else {
                log.warn("A truth record could not be appended: {}", e.getMessage());
                batch.get(0).fail(e);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i));
        }
    }

    /**
     * First optimistically, from the head this instance appended last: truth_chain_append takes the chain's lock
     * and refuses a record that does not extend the head it finds, so a stale guess (another instance appended) or
     * an event recorded before (the unique source event id) only rolls the batch back. Then, or when no head is
     * known, under the lock with the head read afresh and recorded events looked up.
     */
    private List<RecordedTruth> writeBatch(List<Pending> batch) {
        var head = lastHead;
        if (head != null) {
            try {
                return commit(batch, head);
            } catch (RuntimeException stale) {
                log.debug("Optimistic truth chain append refused ({}); appending under the lock", stale.getMessage());
            }
        }
        return commit(batch, null);
    }

    private List<RecordedTruth> commit(List<Pending> batch, Head guess) {
        lastHead = null;
        var outcome = ownTransaction.execute(status -> appendInTransaction(batch, guess));
        lastHead = Objects.requireNonNull(outcome).head();
        outcome.signed().forEach(own::remember);
        return outcome.results();
    }

    /** The chain's lock is held from the first append (or the lock call) to commit: keep this short. */
    private Outcome appendInTransaction(List<Pending> batch, Head guess) {
        var seen = new HashMap<UUID, RecordedTruth>();
        Head head = guess;
        if (head == null) {
            var sources = batch.stream().map(p -> p.truth.sourceEventId()).filter(Objects::nonNull).distinct()
                    .toList();
            var lock = store.lock(sources);
            lock.known().forEach((id, known) -> seen.put(id, new RecordedTruth(known.sequence(), known.hash(), true)));
            head = new Head(lock.headSequence(),
                    lock.headHash() == null ? TruthRecord.GENESIS_PREVIOUS_HASH : lock.headHash());
        }
        var signingKey = keys.signingKey();
        long sequence = head.sequence();
        String previous = head.hash();
        var appends = new ArrayList<SignedAppend>(batch.size());
        var signed = new ArrayList<OwnSignatures.Signed>(batch.size());
        var openings = new ArrayList<PrivateOpening>();
        var results = new ArrayList<RecordedTruth>(batch.size());
        for (Pending pending : batch) {
            var truth = pending.truth;
            var known = truth.sourceEventId() == null ? null : seen.get(truth.sourceEventId());
            if (known != null) {
                results.add(known);
                continue;
            }
            var sealed = pending.sealed;
            var record = new TruthRecord(++sequence, truth.recordType(), truth.subject(),
                    sealed == null ? truth.actor() : null, pending.payload,
                    clock.instant().truncatedTo(ChronoUnit.MICROS), previous, TruthRecord.CURRENT_FORMAT,
                    sealed == null ? null : sealed.commitment());
            if (sealed != null) {
                openings.add(new PrivateOpening(sequence, sealed.opening()));
            }
            byte[] canonical = record.canonical();
            byte[] hash = Sha256.hash(canonical);
            byte[] signature = signingKey.signHash(hash);
            appends.add(new SignedAppend(canonical, Base64.getEncoder().encodeToString(signature),
                    signingKey.keyId(), truth.sourceEventId()));
            signed.add(new OwnSignatures.Signed(sequence, signingKey.keyId(), hash, signature));
            previous = HEX.formatHex(hash);
            results.add(new RecordedTruth(sequence, previous, false));
            if (truth.sourceEventId() != null) {
                seen.put(truth.sourceEventId(), new RecordedTruth(sequence, previous, true));
            }
        }
        if (!appends.isEmpty()) {
            store.append(appends);
        }
        if (!openings.isEmpty()) {
            store.keepPrivate(openings); // in the same transaction: a sealed record is never without its opening
        }
        return new Outcome(results, new Head(sequence, previous), signed);
    }

    /** The last record of the chain: where the next one links. */
    private record Head(long sequence, String hash) {
    }

    /** What a committed batch appended: its answers, the new head, and the signatures it made. */
    private record Outcome(List<RecordedTruth> results, Head head, List<OwnSignatures.Signed> signed) {
    }

    private static final class Pending {

        final NewTruth truth;
        final String payload;
        final PrivateFields.Sealed sealed;
        final Thread waiter = Thread.currentThread();
        volatile boolean done;
        RecordedTruth result;
        RuntimeException failure;

        Pending(NewTruth truth, String payload, PrivateFields.Sealed sealed) {
            this.truth = truth;
            this.payload = payload;
            this.sealed = sealed;
        }

        void complete(RecordedTruth result) {
            this.result = result;
            this.done = true;
            LockSupport.unpark(waiter);
        }

        void fail(RuntimeException failure) {
            this.failure = failure;
            this.done = true;
            LockSupport.unpark(waiter);
        }
    }
}
