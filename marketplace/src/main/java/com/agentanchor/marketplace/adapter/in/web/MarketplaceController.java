package com.agentanchor.marketplace.adapter.in.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
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
import com.agentanchor.marketplace.application.port.in.ListingView;
import com.agentanchor.marketplace.application.port.in.NewListing;
import com.agentanchor.marketplace.application.port.in.Selling;
import com.agentanchor.profiles.application.port.in.ProfileId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Listing and browsing are public reads (GET, no login); listing an agent and acquiring one need a bearer token. */
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
    ListingView list(ProfileId caller, @Valid @RequestBody NewListingBody body) {
        return selling.list(caller, new NewListing(body.agentId(), body.title(), body.description(),
                body.commissionRate(), body.category(), body.tags()));
    }

    /** The active catalogue, newest first. */
    @GetMapping("/listings")
    List<ListingView> catalogue(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return browsing.catalogue(limit);
    }

    @GetMapping("/listings/{id}")
    ListingView listing(@PathVariable UUID id) {
        return browsing.listing(id);
    }

    @PostMapping("/listings/{id}/acquisitions")
    @ResponseStatus(HttpStatus.CREATED)
    AcquisitionView acquire(ProfileId caller, @PathVariable UUID id) {
        return acquiring.acquire(caller, id);
    }

    /** The caller's own acquisitions, newest first. */
    @GetMapping("/acquisitions")
    List<AcquisitionView> acquisitions(ProfileId caller) {
        return acquiring.acquisitionsOf(caller);
    }

    /** One acquisition, for its consumer or the acquired agent's owner. */
    @GetMapping("/acquisitions/{id}")
    AcquisitionView acquisition(ProfileId caller, @PathVariable UUID id) {
        return acquiring.acquisition(id);
    }

    record NewListingBody(@NotNull UUID agentId, @NotBlank @Size(max = 200) String title,
            @Size(max = 5_000) String description,
            @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal commissionRate,
            @Size(max = 100) String category, @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {
    }
}
