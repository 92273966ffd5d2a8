package com.agentanchor.marketplace.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.marketplace.application.port.in.AcquisitionView;
import com.agentanchor.marketplace.application.port.in.ListingView;
import com.agentanchor.marketplace.application.port.in.NotAcquirable;
import com.agentanchor.marketplace.application.port.out.Acquisitions;
import com.agentanchor.marketplace.domain.AcquisitionStatus;
import com.agentanchor.marketplace.domain.AcquisitionType;

/**
 * JdbcClient, not a Spring Data repository: an acquisition is inserted under the policies that put only active
 * agents on sale, and its count on the listing is kept by a definer trigger; the insert needs the enum casts and
 * RETURNING of the row as the consumer may read it.
 */
@Repository
class JdbcAcquisitions implements Acquisitions {

    private static final String COLUMNS = "id, listing_id, agent_id, consumer_id, acquisition_type, status, "
            + "commission_rate_at_acquisition, created_at";

    private final JdbcClient jdbc;

    JdbcAcquisitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AcquisitionView insertCommission(ListingView listing, UUID consumerId) {
        // The insert policy checks the listing is active and lists this agent; the count_acquisition trigger counts
        // it on the listing, in this transaction.
        try {
            // The terms (commission rate) are copied from the listing by the copy_listing_terms trigger.
            return jdbc.sql("INSERT INTO acquisitions (listing_id, agent_id, consumer_id, acquisition_type) "
                    + "VALUES (?, ?, ?, 'commission') RETURNING " + COLUMNS)
                    .params(listing.id(), listing.agentId(), consumerId)
                    .query(this::acquisition).single();
        } catch (DuplicateKeyException e) { // acquisitions_one_active_per_consumer: a concurrent acquisition
            throw new NotAcquirable("You hold an active acquisition of listing " + listing.id() + " already");
        }
    }

    @Override
    public boolean holdsActive(UUID listingId, UUID consumerId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM acquisitions WHERE listing_id = ? AND consumer_id = ? "
                + "AND status = 'active')").params(listingId, consumerId).query(Boolean.class).single();
    }

    @Override
    public Optional<AcquisitionView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM acquisitions WHERE id = ?").param(id)
                .query(this::acquisition).optional();
    }

    @Override
    public List<AcquisitionView> ofConsumer(UUID consumerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM acquisitions WHERE consumer_id = ? "
                + "ORDER BY created_at DESC, id DESC").param(consumerId).query(this::acquisition).list();
    }

    private AcquisitionView acquisition(ResultSet rs, int row) throws SQLException {
        return new AcquisitionView(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
                rs.getObject("agent_id", UUID.class), rs.getObject("consumer_id", UUID.class),
                AcquisitionType.valueOf(rs.getString("acquisition_type")),
                AcquisitionStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("commission_rate_at_acquisition"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
