package com.agentanchor.marketplace.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.marketplace.application.port.in.ListingView;
import com.agentanchor.marketplace.application.port.in.NewListing;
import com.agentanchor.marketplace.application.port.in.NotListable;
import com.agentanchor.marketplace.application.port.out.Listings;
import com.agentanchor.marketplace.domain.ListingStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * JdbcClient, not a Spring Data repository: the status is a PostgreSQL enum and the tags JSON, written with casts,
 * and the acquisition count is the definer trigger's to change, never a whole-row save's.
 */
@Repository
class JdbcListings implements Listings {

    private static final String COLUMNS = "id, agent_id, seller_id, title, description, status, commission_rate, "
            + "category, tags, acquisition_count, created_at, published_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcListings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public ListingView insertActive(UUID sellerId, NewListing l) {
        try {
            return jdbc.sql("INSERT INTO marketplace_listings (agent_id, seller_id, title, description, status, "
                    + "commission_rate, category, tags, published_at) "
                    + "VALUES (?, ?, ?, ?, 'active', ?, ?, ?::jsonb, now()) RETURNING " + COLUMNS)
                    .params(l.agentId(), sellerId, l.title(), l.description(), l.commissionRate(), l.category(),
                            json.writeValueAsString(l.tags()))
                    .query(this::listing).single();
        } catch (DuplicateKeyException e) { // marketplace_listings_one_active_per_agent, a concurrent listing
            throw new NotListable("Agent " + l.agentId() + " is listed already");
        }
    }

    @Override
    public Optional<ListingView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace_listings WHERE id = ?").param(id)
                .query(this::listing).optional();
    }

    @Override
    public Optional<ListingView> activeOf(UUID agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace_listings WHERE agent_id = ? AND status = 'active'")
                .param(agentId).query(this::listing).optional();
    }

    @Override
    public List<ListingView> active(int limit) {
        // marketplace_listings_active_published_idx; a listing whose agent was suspended since is not on sale.
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace_listings l WHERE status = 'active' "
                + "AND EXISTS (SELECT 1 FROM agents a WHERE a.id = l.agent_id AND a.status = 'active') "
                + "ORDER BY published_at DESC, id DESC LIMIT ?")
                .param(limit).query(this::listing).list();
    }

    @Override
    public List<ListingView> activeOfSeller(UUID sellerId, int limit) {
        // marketplace_listings_seller_idx; on sale as in the catalogue: active, of an agent still active.
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace_listings l WHERE seller_id = ? AND status = 'active' "
                + "AND EXISTS (SELECT 1 FROM agents a WHERE a.id = l.agent_id AND a.status = 'active') "
                + "ORDER BY published_at DESC, id DESC LIMIT ?")
                .params(sellerId, limit).query(this::listing).list();
    }

    private ListingView listing(ResultSet rs, int row) throws SQLException {
        var tags = new ArrayList<String>();
        var stored = rs.getString("tags");
        if (stored != null) {
            json.readTree(stored).forEach(tag -> tags.add(tag.asString()));
        }
        var published = rs.getObject("published_at", OffsetDateTime.class);
        return new ListingView(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                rs.getObject("seller_id", UUID.class), rs.getString("title"), rs.getString("description"),
                ListingStatus.valueOf(rs.getString("status")), rs.getBigDecimal("commission_rate"),
                rs.getString("category"), List.copyOf(tags), rs.getInt("acquisition_count"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                published == null ? null : published.toInstant());
    }
}
