package com.agentanchor.marketplace.application.port.in;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.agentanchor.marketplace.domain.ListingStatus;

/** A seller's edit of a listing: every field optional, {@code null} keeps the listing's value. */
public record ListingRevision(String title, String description, BigDecimal commissionRate, BigDecimal clonePrice,
        BigDecimal enterprisePrice, Boolean availableForCommission, Boolean availableForClone,
        Boolean availableForEnterprise, Integer maxClones, String category, List<String> tags,
        Map<String, Object> previewConfig, ListingStatus status) {
}
