package com.agentanchor.marketplace.adapter.out.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.marketplace.application.port.in.InvalidMarketplaceRequest;
import com.agentanchor.marketplace.application.port.in.ListingOrder;
import com.agentanchor.marketplace.application.port.in.ListingQuery;
import com.agentanchor.marketplace.application.port.in.NotListable;
import com.agentanchor.marketplace.application.port.in.Page;
import com.agentanchor.marketplace.application.port.out.Listings;
import com.agentanchor.marketplace.domain.Listing;
import com.agentanchor.marketplace.domain.ListingStatus;
import com.agentanchor.marketplace.domain.Terms;
import com.agentanchor.platform.database.DatabaseRefusal;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * JdbcClient, not a Spring Data repository: the status is a PostgreSQL enum and the tags and preview JSON, written
 * with casts; the counters are the database's triggers' and definer functions' to change, never a whole-row save's
 * (the app role has no grant on them), and search is full-text with keyset paging.
 */
@Repository
class JdbcListings implements Listings {

    private static final String COLUMNS = "l.id, l.agent_id, l.seller_id, l.title, l.description, l.status, "
            + "l.commission_rate, l.clone_price, l.enterprise_price, l.available_for_commission, "
            + "l.available_for_clone, l.available_for_enterprise, l.max_clones, l.current_clones, l.category, l.tags, "
            + "l.preview_config, l.view_count, l.acquisition_count, l.average_rating, l.review_count, l.created_at, "
            + "l.updated_at, l.published_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    // Bound once, as JdbcAgents' are: a document per row of a page.
    private final ObjectReader previews;

    JdbcListings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.previews = json.readerFor(new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    @Override
    public Listing insert(Listing l) {
        var t = l.terms();
        try {
            return jdbc.sql("INSERT INTO marketplace_listings AS l (agent_id, seller_id, title, description, status, "
                    + "commission_rate, clone_price, enterprise_price, available_for_commission, available_for_clone, "
                    + "available_for_enterprise, max_clones, category, tags, preview_config, published_at) "
                    + "VALUES (?, ?, ?, ?, ?::listing_status, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) "
                    + "RETURNING " + COLUMNS)
                    .params(l.agentId(), l.sellerId(), l.title(), l.description(), l.status().name(),
                            t.commissionRate(), t.clonePrice(), t.enterprisePrice(), t.availableForCommission(),
                            t.availableForClone(), t.availableForEnterprise(), t.maxClones(), l.category(),
                            json.writeValueAsString(l.tags()), json.writeValueAsString(l.previewConfig()),
                            timestamp(l.publishedAt()))
                    .query(this::listing).single();
        } catch (DuplicateKeyException e) { // marketplace_listings_one_active_per_agent, a concurrent listing
            throw new NotListable("Agent " + l.agentId() + " is listed already");
        }
    }

    @Override
    public Listing update(Listing l) {
        var t = l.terms();
        try {
            return jdbc.sql("UPDATE marketplace_listings l SET title = ?, description = ?, status = ?::listing_status, "
                    + "commission_rate = ?, clone_price = ?, enterprise_price = ?, available_for_commission = ?, "
                    + "available_for_clone = ?, available_for_enterprise = ?, max_clones = ?, category = ?, "
                    + "tags = ?::jsonb, preview_config = ?::jsonb, published_at = ? WHERE id = ? RETURNING " + COLUMNS)
                    .params(l.title(), l.description(), l.status().name(), t.commissionRate(), t.clonePrice(),
                            t.enterprisePrice(), t.availableForCommission(), t.availableForClone(),
                            t.availableForEnterprise(), t.maxClones(), l.category(), json.writeValueAsString(l.tags()),
                            json.writeValueAsString(l.previewConfig()), timestamp(l.publishedAt()), l.id())
                    .query(this::listing).single();
        } catch (DuplicateKeyException e) { // marketplace_listings_one_active_per_agent
            throw new NotListable("Agent " + l.agentId() + " has another active listing");
        } catch (DataAccessException e) {
            // guard_listing_status or marketplace_listings_clones_within_max: a clone sold since the listing was read
            throw DatabaseRefusal.of(e, "23514").map(r -> new NotListable(r.why())).orElseThrow(() -> e);
        }
    }

    @Override
    public Optional<Listing> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace_listings l WHERE l.id = ?").param(id)
                .query(this::listing).optional();
    }

    @Override
    public Optional<Listing> activeOf(UUID agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace_listings l WHERE l.agent_id = ? AND l.status = 'active'")
                .param(agentId).query(this::listing).optional();
    }

    @Override
    public List<Listing> ofAgent(UUID agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace_listings l WHERE l.agent_id = ? ORDER BY l.created_at")
                .param(agentId).query(this::listing).list();
    }

    @Override
    public List<Listing> activeOfSeller(UUID sellerId, int limit) {
        // marketplace_listings_seller_idx; on sale as in the catalogue: active, of an agent still active.
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace_listings l WHERE l.seller_id = ? "
                + "AND l.status = 'active' AND EXISTS (SELECT 1 FROM agents a WHERE a.id = l.agent_id "
                + "AND a.status = 'active') ORDER BY l.published_at DESC, l.id DESC LIMIT ?")
                .params(sellerId, limit).query(this::listing).list();
    }

    @Override
    public Page<Listing> search(ListingQuery q) {
        var key = sortKey(q.sort());
        var where = new ArrayList<String>(List.of("l.status = 'active'", "a.status = 'active'"));
        var args = new ArrayList<Object>();
        if (q.q() != null && !q.q().isBlank()) {
            where.add("l.search @@ websearch_to_tsquery('english', ?)"); // marketplace_listings_search_idx
            args.add(q.q());
        }
        if (q.category() != null) {
            where.add("l.category = ?");
            args.add(q.category());
        }
        if (q.tag() != null) {
            where.add("l.tags @> ?::jsonb"); // marketplace_listings_tags_idx
            args.add(json.writeValueAsString(List.of(q.tag())));
        }
        if (q.minTier() != null) {
            where.add("get_trust_tier_level(a.trust_score) >= ?");
            args.add(q.minTier());
        }
        if (q.type() != null) {
            var offered = byType(q.type().name(), "l.available_for_commission", "l.available_for_clone",
                    "l.available_for_enterprise");
            var price = byType(q.type().name(), "l.commission_rate", "l.clone_price", "l.enterprise_price");
            where.add("coalesce(" + offered + ", false)");
            if (q.maxPrice() != null) {
                where.add("coalesce(" + price + ", 0) <= ?");
                args.add(q.maxPrice());
            }
        } else if (q.maxPrice() != null) {
            where.add("(coalesce(l.available_for_commission, false) AND coalesce(l.commission_rate, 0) <= ? "
                    + "OR coalesce(l.available_for_clone, false) AND l.clone_price <= ? "
                    + "OR coalesce(l.available_for_enterprise, false) AND l.enterprise_price <= ?)");
            args.add(q.maxPrice());
            args.add(q.maxPrice());
            args.add(q.maxPrice());
        }
        var cursor = Cursor.decode(q.after(), q.sort().name());
        if (cursor != null) {
            where.add("(" + key.expression() + ", l.id) < (?::" + key.type() + ", ?)");
            args.add(key.check(cursor.key()));
            args.add(cursor.id());
        }
        args.add(q.limit() + 1);
        // The agent must still be active: a listing whose agent was suspended since is not on sale. The join reads
        // agents as the policies show them to the caller (active ones, and their own).
        var rows = jdbc.sql("SELECT " + COLUMNS + ", " + key.expression() + " AS sort_key "
                + "FROM marketplace_listings l JOIN agents a ON a.id = l.agent_id WHERE " + String.join(" AND ", where)
                + " ORDER BY " + key.expression() + " DESC, l.id DESC LIMIT ?")
                .params(args).query((rs, n) -> new Keyed(listing(rs, n), key.read(rs))).list();
        return page(rows, q.limit(), q.sort().name());
    }

    @Override
    public Page<Listing> ofSeller(UUID sellerId, String after, int limit) {
        var cursor = Cursor.decode(after, "mine");
        var args = new ArrayList<Object>(List.of(sellerId));
        var keyset = "";
        if (cursor != null) {
            keyset = " AND (l.created_at, l.id) < (?::timestamptz, ?)";
            args.add(SortKey.NEWEST_CREATED.check(cursor.key()));
            args.add(cursor.id());
        }
        args.add(limit + 1);
        // marketplace_listings_seller_created_idx
        var rows = jdbc.sql("SELECT " + COLUMNS + ", l.created_at AS sort_key FROM marketplace_listings l "
                + "WHERE l.seller_id = ?" + keyset + " ORDER BY l.created_at DESC, l.id DESC LIMIT ?")
                .params(args).query((rs, n) -> new Keyed(listing(rs, n), SortKey.NEWEST_CREATED.read(rs))).list();
        return page(rows, limit, "mine");
    }

    @Override
    public void countView(UUID id) {
        jdbc.sql("SELECT count_listing_view(?)").param(id).query((rs, n) -> 1).list();
    }

    private static Page<Listing> page(List<Keyed> rows, int limit, String order) {
        var items = rows.stream().limit(limit).map(Keyed::listing).toList();
        String next = null;
        if (rows.size() > limit) {
            var last = rows.get(limit - 1);
            next = new Cursor(order, last.key(), last.listing().id()).encode();
        }
        return new Page<>(items, next);
    }

    private record Keyed(Listing listing, String key) {
    }

    /** How an order sorts: the SQL expression its index is on, and the type its cursor's key is read back as. */
    private enum SortKey {
        NEWEST("coalesce(l.published_at, l.created_at)", "timestamptz"),
        NEWEST_CREATED("l.created_at", "timestamptz"),
        RATING("coalesce(l.average_rating, 0)", "numeric"),
        POPULAR("coalesce(l.acquisition_count, 0)", "integer");

        private final String expression;
        private final String type;

        SortKey(String expression, String type) {
            this.expression = expression;
            this.type = type;
        }

        String expression() {
            return expression;
        }

        String type() {
            return type;
        }

        /** The row's key as its cursor carries it: an instant in ISO-8601, a number as PostgreSQL prints it. */
        String read(ResultSet rs) throws SQLException {
            return type.equals("timestamptz") ? instant(rs, "sort_key").toString() : rs.getString("sort_key");
        }

        /** The key a cursor carried, checked to be of this order's type before the database casts it. */
        String check(String key) {
            try {
                if (type.equals("timestamptz")) {
                    Instant.parse(key);
                } else if (type.equals("numeric")) {
                    new BigDecimal(key);
                } else {
                    Integer.parseInt(key);
                }
                return key;
            } catch (RuntimeException e) {
                throw new InvalidMarketplaceRequest("after", "not a cursor of this list and order; pass the next of a page");
            }
        }
    }

    private static SortKey sortKey(ListingOrder order) {
        switch (order) {
            case rating:
                return SortKey.RATING;
            case popular:
                return SortKey.POPULAR;
            default:
                return SortKey.NEWEST;
        }
    }

    private static String byType(String type, String commission, String clone, String enterprise) {
        return type.equals("commission") ? commission : type.equals("clone") ? clone : enterprise;
    }

    private Listing listing(ResultSet rs, int row) throws SQLException {
        // The columns' text as the driver received it (UTF-8), parsed without first becoming a String.
        var tags = new ArrayList<String>();
        var stored = rs.getBytes("tags");
        if (stored != null) {
            json.readTree(stored).forEach(tag -> tags.add(tag.asString()));
        }
        var preview = rs.getBytes("preview_config");
        Map<String, Object> previewConfig = preview == null ? Map.of() : previews.readValue(preview);
        var terms = new Terms(rs.getBigDecimal("commission_rate"), rs.getBigDecimal("clone_price"),
                rs.getBigDecimal("enterprise_price"), rs.getBoolean("available_for_commission"),
                rs.getBoolean("available_for_clone"), rs.getBoolean("available_for_enterprise"),
                (Integer) rs.getObject("max_clones"));
        return new Listing(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
                rs.getObject("seller_id", UUID.class), rs.getString("title"), rs.getString("description"),
                ListingStatus.valueOf(rs.getString("status")), terms, rs.getString("category"), tags, previewConfig,
                rs.getInt("current_clones"), rs.getInt("view_count"), rs.getInt("acquisition_count"),
                rs.getBigDecimal("average_rating"), rs.getInt("review_count"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "published_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime timestamp(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
