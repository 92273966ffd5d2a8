package com.agentanchor.truthchain.application.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.agentanchor.truthchain.application.port.out.PublishedKeys;
import com.agentanchor.truthchain.application.port.out.PublishedKeys.PublishedKey;
import com.agentanchor.truthchain.application.port.out.SigningKeySource;
import com.agentanchor.truthchain.domain.ChainVerifier;
import com.agentanchor.truthchain.domain.PlatformKey;
import com.agentanchor.truthchain.domain.StoredRecord;
import com.agentanchor.truthchain.domain.VerificationKey;

/**
 * The signing key and the published keys. The signing key is published (made current, the previous one retired
 * but kept) at start-up, and in any case before the first append. Verification uses every published key whose id
 * is the thumbprint of its public key; a key id not known yet reloads the table (another instance may have
 * rotated).
 */
@Component
class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final PlatformKey signingKey;
    private final PublishedKeys published;
    private final TransactionTemplate ownTransaction;
    private volatile boolean current;
    private volatile Map<String, VerificationKey> keys = Map.of();
    private volatile ChainVerifier verifier = new ChainVerifier(List.of());

    KeyRing(SigningKeySource source, PublishedKeys published, PlatformTransactionManager transactions) {
        this.signingKey = source.signingKey();
        this.published = published;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        log.info("Truth chain signing key {} ({})", signingKey.keyId(), source.description());
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishAtStartup() {
        ensurePublished();
    }

    PlatformKey signingKey() {
        return signingKey;
    }

    void ensurePublished() {
        if (!current) {
            synchronized (this) {
                if (!current) {
                    ownTransaction.executeWithoutResult(
                            status -> published.publish(signingKey.keyId(), signingKey.publicKey()));
                    current = true;
                    reload();
                }
            }
        }
    }

    /** A verifier that knows every key these records name, if it is published. */
    ChainVerifier verifierFor(Collection<StoredRecord> records) {
        var known = keys;
        for (StoredRecord record : records) {
            if (!known.containsKey(record.keyId())) {
                reload();
                break;
            }
        }
        return verifier;
    }

    List<PublishedKey> all() {
        return reload();
    }

    Collection<VerificationKey> verificationKeys() {
        return keys.values();
    }

    private synchronized List<PublishedKey> reload() {
        var all = published.all();
        var valid = new ArrayList<VerificationKey>();
        for (PublishedKey key : all) {
            try {
                var verification = VerificationKey.of(key.publicKey());
                if (verification.keyId().equals(key.keyId())) {
                    valid.add(verification);
                    continue;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            log.warn("Published truth chain key {} is not a valid Ed25519 key with that id; ignored", key.keyId());
        }
        keys = valid.stream().collect(Collectors.toUnmodifiableMap(VerificationKey::keyId, Function.identity()));
        verifier = new ChainVerifier(valid);
        return all;
    }
}
