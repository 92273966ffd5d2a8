package com.agentanchor.marketplace.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.marketplace.application.port.in.InvalidMarketplaceRequest;
import com.agentanchor.marketplace.application.port.in.NotAcquirable;
import com.agentanchor.marketplace.application.port.in.NotChangeable;
import com.agentanchor.marketplace.application.port.in.NotYours;
import com.agentanchor.marketplace.application.port.in.Page;
import com.agentanchor.marketplace.application.port.out.Acquisitions;
import com.agentanchor.marketplace.domain.Acquisition;
import com.agentanchor.marketplace.domain.AcquisitionStatus;
import com.agentanchor.marketplace.domain.AcquisitionType;
import com.agentanchor.marketplace.domain.Listing;
import com.agentanchor.platform.database.DatabaseRefusal;

/**
 * JdbcClient, not a Spring Data repository: the app role may insert only the acquisition's identity and kind (its
 * terms are copied and its listing's stock taken by triggers), may update only the review, and every other move
 * (walking away, termination, usage) is a definer function's. Their refusals come back as SQL states: 42501 says who
 * may not, 23514 what state does not allow it.
 */
@Repository
class JdbcAcquisitions implements Acquisitions {

    private static final String COLUMNS = "a.id, a.listing_id, a.agent_id, a.consumer_id, a.acquisition_type, "
            + "a.status, a.cloned_agent_id, a.price_at_acquisition, a.commission_rate_at_acquisition, a.total_usage, "
            + "a.total_spent, a.can_walk_away, a.walk_away_reason, a.rating, a.review, a.reviewed_at, a.created_at, "
            + "a.updated_at, a.expires_at, a.terminated_at";

    private final JdbcClient jdbc;

    JdbcAcquisitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Acquisition insert(Listing listing, UUID consumerId, AcquisitionType type, UUID clonedAgentId) {
        // copy_listing_terms copies the terms, take_listing_stock admits it (or refuses: 23514), the insert policy
        // checks who and for which agent, count_acquisition counts it on the listing: all in this transaction.
        try {
            return jdbc.sql("INSERT INTO acquisitions AS a (listing_id, agent_id, consumer_id, acquisition_type, "
                    + "cloned_agent_id) VALUES (?, ?, ?, ?::acquisition_type, ?) RETURNING " + COLUMNS)
                    .params(listing.id(), listing.agentId(), consumerId, type.name(), clonedAgentId)
                    .query(this::acquisition).single();
        } catch (DuplicateKeyException e) { // acquisitions_one_active_per_consumer or _one_active_enterprise_lock
            throw new NotAcquirable(e.getMessage() != null && e.getMessage().contains("enterprise_lock")
                    ? "Listing " + listing.id() + " is under an active enterprise lock"
                    : "You hold an active acquisition of listing " + listing.id() + " already");
        } catch (DataAccessException e) {
            throw DatabaseRefusal.of(e, "23514").map(r -> new NotAcquirable(r.why())).orElseThrow(() -> e);
        }
    }

    @Override
    public boolean holdsActive(UUID listingId, UUID consumerId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM acquisitions WHERE listing_id = ? AND consumer_id = ? "
                + "AND status = 'active')").params(listingId, consumerId).query(Boolean.class).single();
    }

    @Override
    public Optional<Acquisition> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM acquisitions a WHERE a.id = ?").param(id)
                .query(this::acquisition).optional();
    }

    @Override
    public List<Acquisition> activeOf(UUID listingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM acquisitions a WHERE a.listing_id = ? AND a.status = 'active'")
                .param(listingId).query(this::acquisition).list();
    }

    @Override
    public List<Acquisition> ofConsumer(UUID consumerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM acquisitions a WHERE a.consumer_id = ? "
                + "ORDER BY a.created_at DESC, a.id DESC").param(consumerId).query(this::acquisition).list();
    }

    @Override
    public Page<Acquisition> ofSeller(UUID sellerId, String after, int limit) {
        var cursor = Cursor.decode(after, "sales");
        var args = new ArrayList<Object>(List.of(sellerId));
        var keyset = "";
        if (cursor != null) {
            keyset = " AND (a.created_at, a.id) < (?::timestamptz, ?)";
            args.add(instant(cursor.key()));
            args.add(cursor.id());
        }
        args.add(limit + 1);
        // The acquisitions' policy shows the seller those of their agents; acquisitions_listing_created_idx.
        var rows = jdbc.sql("SELECT " + COLUMNS + " FROM acquisitions a JOIN marketplace_listings l "
                + "ON l.id = a.listing_id WHERE l.seller_id = ?" + keyset
                + " ORDER BY a.created_at DESC, a.id DESC LIMIT ?").params(args).query(this::acquisition).list();
        String next = null;
        if (rows.size() > limit) {
            var last = rows.get(limit - 1);
            next = new Cursor("sales", last.createdAt().toString(), last.id()).encode();
        }
        return new Page<>(rows.stream().limit(limit).toList(), next);
    }

    @Override
    public void walkAway(UUID id, String reason) {
        call("SELECT walk_away(?, ?)", id, reason);
    }

    @Override
    public void terminate(UUID id, String reason) {
        call("SELECT terminate_acquisition(?, ?)", id, reason);
    }

    @Override
    public void recordUsage(UUID id, int uses) {
        call("SELECT record_acquisition_usage(?, ?)", id, uses);
    }

    @Override
    public void review(UUID id, int rating, String review) {
        // The consumer's update policy and column grant; guard_review makes it once (23505) and dates it,
        // count_review recounts the listing's average.
        try {
            jdbc.sql("UPDATE acquisitions SET rating = ?, review = ? WHERE id = ?").params(rating, review, id)
                    .update();
        } catch (DataAccessException e) {
            throw DatabaseRefusal.of(e, "23505").map(r -> new NotChangeable(r.why())).orElseThrow(() -> e);
        }
    }

    private void call(String sql, Object... args) {
        try {
            jdbc.sql(sql).params(args).query((rs, n) -> 1).list();
        } catch (DataAccessException e) {
            var refused = DatabaseRefusal.of(e, "42501", "23514").orElseThrow(() -> e);
            throw refused.state().equals("42501") ? new NotYours(refused.why()) : new NotChangeable(refused.why());
        }
    }

    private static String instant(String key) {
        try {
            return Instant.parse(key).toString();
        } catch (RuntimeException e) {
            throw new InvalidMarketplaceRequest("after",
                    "not a cursor of this list and order; pass the next of a page");
        }
    }

    private Acquisition acquisition(ResultSet rs, int row) throws SQLException {
        return new Acquisition(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
                rs.getObject("agent_id", UUID.class), rs.getObject("consumer_id", UUID.class),
                AcquisitionType.valueOf(rs.getString("acquisition_type")),
                AcquisitionStatus.valueOf(rs.getString("status")), rs.getObject("cloned_agent_id", UUID.class),
                rs.getBigDecimal("price_at_acquisition"), rs.getBigDecimal("commission_rate_at_acquisition"),
                rs.getInt("total_usage"), rs.getBigDecimal("total_spent"), rs.getBoolean("can_walk_away"),
                rs.getString("walk_away_reason"), (Integer) rs.getObject("rating"), rs.getString("review"),
                JdbcListings.instant(rs, "reviewed_at"), JdbcListings.instant(rs, "created_at"),
                JdbcListings.instant(rs, "updated_at"), JdbcListings.instant(rs, "expires_at"),
                JdbcListings.instant(rs, "terminated_at"));
    }
}
