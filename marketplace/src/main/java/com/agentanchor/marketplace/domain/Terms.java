package com.agentanchor.marketplace.domain;

import java.math.BigDecimal;
import java.util.Optional;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * What a listing offers and at what price: a rate per use under commission, a price per clone (at most
 * {@code maxClones} of them; none means no limit), a price for an enterprise lock. Each kind is offered only while its
 * {@code availableFor…} flag says so.
 */
@ValueObject
public record Terms(BigDecimal commissionRate, BigDecimal clonePrice, BigDecimal enterprisePrice,
        boolean availableForCommission, boolean availableForClone, boolean availableForEnterprise, Integer maxClones) {

    /** The origin's defaults: commission only, at no stated rate. */
    public static final Terms DEFAULT = new Terms(null, null, null, true, false, false, null);

    /** Why these terms cannot be offered, as {@code field: reason}; empty when they can. */
    public Optional<String> whyInvalid() {
        if (availableForClone && clonePrice == null) {
            return Optional.of("clonePrice: a listing offering clones needs a clone price");
        }
        if (availableForEnterprise && enterprisePrice == null) {
            return Optional.of("enterprisePrice: a listing offering an enterprise lock needs its price");
        }
        if (maxClones != null && maxClones < 0) {
            return Optional.of("maxClones: must be zero or more");
        }
        return Optional.empty();
    }

    public boolean offers(AcquisitionType type) {
        switch (type) {
            case commission:
                return availableForCommission;
            case clone:
                return availableForClone;
            default:
                return availableForEnterprise;
        }
    }

    /** The price an acquisition of this kind copies: the clone's or the lock's; a commission pays per use. */
    public BigDecimal priceOf(AcquisitionType type) {
        switch (type) {
            case clone:
                return clonePrice;
            case enterprise_lock:
                return enterprisePrice;
            default:
                return null;
        }
    }

    /** Whether a listing with {@code currentClones} sold may sell another. */
    public boolean cloneLeftAfter(int currentClones) {
        return maxClones == null || currentClones < maxClones;
    }
}
