package com.agentanchor.marketplace.adapter.in.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.agentanchor.marketplace.application.port.in.Acquiring;
import com.agentanchor.marketplace.application.port.in.AcquisitionView;
import com.agentanchor.marketplace.application.port.in.Browsing;
import com.agentanchor.marketplace.application.port.in.InvalidMarketplaceRequest;
import com.agentanchor.marketplace.application.port.in.ListingOrder;
import com.agentanchor.marketplace.application.port.in.ListingQuery;
import com.agentanchor.marketplace.application.port.in.ListingRevision;
import com.agentanchor.marketplace.application.port.in.ListingView;
import com.agentanchor.marketplace.application.port.in.NewListing;
import com.agentanchor.marketplace.application.port.in.Page;
import com.agentanchor.marketplace.application.port.in.Selling;
import com.agentanchor.marketplace.domain.AcquisitionType;
import com.agentanchor.marketplace.domain.ListingStatus;
import com.agentanchor.marketplace.domain.Terms;
import com.agentanchor.profiles.application.port.in.ProfileId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Browsing is public (GET of listings, no login); selling, acquiring and everything about an acquisition need a
 * bearer token. Statuses and kinds arrive as text and are checked here, so that a wrong one is a 400 naming its field.
 */
@RestController
@RequestMapping("/api/marketplace")
class MarketplaceController {

    private final Selling selling;
    private final Browsing browsing;
    private final Acquiring acquiring;

    MarketplaceController(Selling selling, Browsing browsing, Acquiring acquiring) {
        this.selling = selling;
        this.browsing = browsing;
        this.acquiring = acquiring;
    }

    @PostMapping("/listings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "List a graduated agent of yours",
            description = "Every field of the origin's listing: terms per kind of acquisition (commissionRate per "
                    + "use, clonePrice, enterprisePrice, each offered while its availableFor… flag is true; "
                    + "maxClones, none for no limit), category, tags, previewConfig. status is active (the default, "
                    + "published now) or paused.")
    @ApiResponse(responseCode = "201", description = "The listing")
    @ApiResponse(responseCode = "409", description = "The agent is not active (graduated), or is listed already")
    ListingView list(ProfileId caller, @Valid @RequestBody NewListingBody body) {
        var status = status(body.status());
        if (status == ListingStatus.retired) {
            throw new InvalidMarketplaceRequest("status", "a new listing is active or paused");
        }
        return selling.list(caller, new NewListing(body.agentId(), body.title(), body.description(),
                new Terms(body.commissionRate(), body.clonePrice(), body.enterprisePrice(),
                        orDefault(body.availableForCommission(), true), orDefault(body.availableForClone(), false),
                        orDefault(body.availableForEnterprise(), false), body.maxClones()),
                body.category(), body.tags(), body.previewConfig(), status));
    }

    @PatchMapping("/listings/{id}")
    @Operation(summary = "Change your listing: what it says, its terms, its status",
            description = "Absent fields keep their value. status moves active ⇄ paused, and to retired for good; "
                    + "a listing whose clones are all taken is sold_out, and more maxClones bring it back. Terms "
                    + "changed here apply to later acquisitions only: each acquisition keeps the terms it was made at.")
    @ApiResponse(responseCode = "200", description = "The listing as it is now")
    @ApiResponse(responseCode = "403", description = "Someone else's listing")
    @ApiResponse(responseCode = "409", description = "The status cannot move there (a retired listing stays "
            + "retired), or the agent is not active any more")
    ListingView revise(ProfileId caller, @PathVariable UUID id, @Valid @RequestBody ListingChangesBody body) {
        return selling.revise(caller, id, new ListingRevision(body.title(), body.description(), body.commissionRate(),
                body.clonePrice(), body.enterprisePrice(), body.availableForCommission(), body.availableForClone(),
                body.availableForEnterprise(), body.maxClones(), body.category(), body.tags(), body.previewConfig(),
                body.status() == null ? null : status(body.status())));
    }

    @GetMapping("/listings")
    @Operation(summary = "Search the catalogue: active listings of active agents",
            description = "q is full-text (web-search syntax: words, \"a phrase\", -not, or) over title, "
                    + "description, category and tags. minTier is the least trust tier level of the agent (0 "
                    + "Untrusted … 5 Elite). type keeps listings offering commission, clone or enterprise_lock; "
                    + "maxPrice bounds that kind's price (without type, any offered price or rate). sort is newest "
                    + "(default), rating or popular. Pass a page's next as after for the following page.")
    @ApiResponse(responseCode = "200", description = "{items, next}; next is null on the last page")
    Page<ListingView> search(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 100) String category,
            @RequestParam(required = false) @Size(max = 50) String tag,
            @RequestParam(required = false) @Min(0) @Max(5) Integer minTier,
            @RequestParam(required = false) @DecimalMin("0") BigDecimal maxPrice,
            @Parameter(description = "commission, clone or enterprise_lock") @RequestParam(required = false) String type,
            @Parameter(description = "newest, rating or popular") @RequestParam(required = false) String sort,
            @RequestParam(required = false) @Size(max = 300) String after,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return browsing.search(new ListingQuery(q, category, tag, minTier, maxPrice,
                type == null ? null : type(type), sort == null ? null : order(sort), after, limit));
    }

    @GetMapping("/listings/mine")
    @Operation(summary = "Your own listings, every status, newest first")
    @ApiResponse(responseCode = "200", description = "{items, next}; next is null on the last page")
    Page<ListingView> mine(ProfileId caller, @RequestParam(required = false) @Size(max = 300) String after,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return selling.listingsOf(caller, after, limit);
    }

    @GetMapping("/listings/{id}")
    @Operation(summary = "One listing: an active or sold-out one, or one of yours",
            description = "Counts a view (viewCount) unless you are its seller.")
    ListingView listing(@PathVariable UUID id) {
        return browsing.listing(id);
    }

    @PostMapping("/listings/{id}/acquisitions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Acquire the listed agent",
            description = "{\"type\": \"commission\" (the default) | \"clone\" | \"enterprise_lock\"}. The listing's "
                    + "price or rate for that kind is copied into the acquisition. A clone is a new agent of yours "
                    + "(clonedAgentId) with the listed agent's configuration and a trust history of its own; "
                    + "maxClones of them are sold at most, then the listing is sold_out. An active enterprise lock "
                    + "admits no further acquisition of the listing.")
    @ApiResponse(responseCode = "201", description = "The acquisition")
    @ApiResponse(responseCode = "409", description = "Your own listing, not on sale (paused, sold out, under an "
            + "enterprise lock), not offered as that type, an agent no longer active, or one you hold already")
    AcquisitionView acquire(ProfileId caller, @PathVariable UUID id,
            @RequestBody(required = false) AcquisitionBody body) {
        var type = body == null || body.type() == null ? AcquisitionType.commission : type(body.type());
        return acquiring.acquire(caller, id, type);
    }

    @GetMapping("/acquisitions")
    @Operation(summary = "Your own acquisitions, newest first")
    List<AcquisitionView> acquisitions(ProfileId caller) {
        return acquiring.acquisitionsOf(caller);
    }

    @GetMapping("/acquisitions/{id}")
    @Operation(summary = "One acquisition, for its consumer or the listing's seller")
    AcquisitionView acquisition(ProfileId caller, @PathVariable UUID id) {
        return acquiring.acquisition(id);
    }

    @PostMapping("/acquisitions/{id}/walk-away")
    @Operation(summary = "Walk away from your acquisition",
            description = "The consumer ends an active acquisition that allows it (canWalkAway: commissions and "
                    + "enterprise locks; a clone is bought outright). {\"reason\"} is optional.")
    @ApiResponse(responseCode = "200", description = "The acquisition, terminated")
    @ApiResponse(responseCode = "403", description = "Not your acquisition (you are its seller)")
    @ApiResponse(responseCode = "409", description = "Ended already, or a clone")
    AcquisitionView walkAway(ProfileId caller, @PathVariable UUID id,
            @Valid @RequestBody(required = false) ReasonBody body) {
        return acquiring.walkAway(caller, id, body == null ? null : body.reason());
    }

    @PostMapping("/acquisitions/{id}/terminate")
    @Operation(summary = "Terminate an acquisition of your listing",
            description = "The seller ends an active commission or enterprise lock. {\"reason\"} is optional.")
    @ApiResponse(responseCode = "200", description = "The acquisition, terminated")
    @ApiResponse(responseCode = "403", description = "Not an acquisition of your listing (you are its consumer)")
    @ApiResponse(responseCode = "409", description = "Ended already, or a clone (the copy is its consumer's agent)")
    AcquisitionView terminate(ProfileId caller, @PathVariable UUID id,
            @Valid @RequestBody(required = false) ReasonBody body) {
        return selling.terminate(caller, id, body == null ? null : body.reason());
    }

    @PostMapping("/acquisitions/{id}/usage")
    @Operation(summary = "Record uses of a commission acquisition of your listing",
            description = "The seller, who runs the agent, reports {\"uses\": n} more uses. totalUsage grows by n and "
                    + "totalSpent becomes totalUsage at commissionRateAtAcquisition (the rate copied when it was "
                    + "acquired, whatever the listing's rate is now), computed by the database.")
    @ApiResponse(responseCode = "200", description = "The acquisition with its new totals")
    @ApiResponse(responseCode = "403", description = "Not an acquisition of your listing")
    @ApiResponse(responseCode = "409", description = "Not an active commission")
    AcquisitionView usage(ProfileId caller, @PathVariable UUID id, @Valid @RequestBody UsageBody body) {
        return selling.recordUsage(caller, id, body.uses());
    }

    @PostMapping("/acquisitions/{id}/review")
    @Operation(summary = "Review what you acquired",
            description = "{\"rating\": 1–5, \"review\"}: once per acquisition, by its consumer. The listing's "
                    + "averageRating and reviewCount are recounted by the database.")
    @ApiResponse(responseCode = "200", description = "The acquisition with its review")
    @ApiResponse(responseCode = "403", description = "Not your acquisition")
    @ApiResponse(responseCode = "409", description = "Reviewed already")
    AcquisitionView review(ProfileId caller, @PathVariable UUID id, @Valid @RequestBody ReviewBody body) {
        return acquiring.review(caller, id, body.rating(), body.review());
    }

    @GetMapping("/sales")
    @Operation(summary = "Acquisitions of your listings (your sales), newest first")
    @ApiResponse(responseCode = "200", description = "{items, next}; next is null on the last page")
    Page<AcquisitionView> sales(ProfileId caller, @RequestParam(required = false) @Size(max = 300) String after,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return selling.salesOf(caller, after, limit);
    }

    private static ListingStatus status(String value) {
        if (value == null) {
            return ListingStatus.active;
        }
        try {
            var status = ListingStatus.valueOf(value);
            if (ListingStatus.CHOSEN_BY_SELLERS.contains(status)) {
                return status;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidMarketplaceRequest("status", "one of active, paused, retired");
    }

    private static AcquisitionType type(String value) {
        try {
            return AcquisitionType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidMarketplaceRequest("type", "one of commission, clone, enterprise_lock");
        }
    }

    private static ListingOrder order(String value) {
        try {
            return ListingOrder.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidMarketplaceRequest("sort", "one of newest, rating, popular");
        }
    }

    private static boolean orDefault(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }

    record NewListingBody(@NotNull UUID agentId, @NotBlank @Size(max = 200) String title,
            @Size(max = 5_000) String description,
            @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal commissionRate,
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal clonePrice,
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal enterprisePrice,
            Boolean availableForCommission, Boolean availableForClone, Boolean availableForEnterprise,
            @Min(0) @Max(1_000_000) Integer maxClones, @Size(max = 100) String category,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags, @Size(max = 50) Map<String, Object> previewConfig,
            String status) {
    }

    record ListingChangesBody(@Size(min = 1, max = 200) String title, @Size(max = 5_000) String description,
            @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal commissionRate,
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal clonePrice,
            @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal enterprisePrice,
            Boolean availableForCommission, Boolean availableForClone, Boolean availableForEnterprise,
            @Min(0) @Max(1_000_000) Integer maxClones, @Size(max = 100) String category,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags, @Size(max = 50) Map<String, Object> previewConfig,
            String status) {
    }

    record AcquisitionBody(String type) {
    }

    record ReasonBody(@Size(max = 1_000) String reason) {
    }

    record UsageBody(@NotNull @Min(1) @Max(1_000_000) Integer uses) {
    }

    record ReviewBody(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 5_000) String review) {
    }
}
