package com.agentanchor.marketplace.application.port.in;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

import com.agentanchor.marketplace.domain.ListingStatus;
import com.agentanchor.marketplace.domain.Terms;

/**
 * What a seller lists: an agent of theirs, a title, and optionally a description, terms, a category, tags, a
 * preview configuration, and whether it starts active (the default) or paused.
 *
 * <p>Named on the type as well as on its package, so that Spring Modulith carries the named interface over to the
 * domain types its components use (Terms and ListingStatus), which callers in other modules need.
 */
@NamedInterface("api")
public record NewListing(UUID agentId, String title, String description, Terms terms, String category,
        List<String> tags, Map<String, Object> previewConfig, ListingStatus status) {

    public NewListing {
        terms = terms == null ? Terms.DEFAULT : terms;
        tags = tags == null ? List.of() : List.copyOf(tags);
        previewConfig = previewConfig == null ? Map.of() : previewConfig;
        status = status == null ? ListingStatus.active : status;
    }
}
