package com.agentanchor.marketplace.application.port.in;

import java.math.BigDecimal;

import com.agentanchor.marketplace.domain.AcquisitionType;

/**
 * A search of the catalogue; every criterion is optional. {@code q} is matched as web-search text against title,
 * description, category and tags; {@code minTier} is the least trust tier level (0 Untrusted … 5 Elite) of the
 * listed agent; {@code type} keeps listings offering that kind of acquisition, and {@code maxPrice} bounds its price
 * (without a type: any offered price or rate); {@code after} is a cursor of the same order.
 */
public record ListingQuery(String q, String category, String tag, Integer minTier, BigDecimal maxPrice,
        AcquisitionType type, ListingOrder sort, String after, int limit) {

    public ListingQuery {
        sort = sort == null ? ListingOrder.newest : sort;
    }
}
