package com.agentanchor.notifications.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.agentanchor.notifications.application.port.out.Notifications;
import com.agentanchor.notifications.domain.InboxCursor;
import com.agentanchor.notifications.domain.Notification;
import com.agentanchor.notifications.domain.NotificationType;

/**
 * JdbcClient, not a Spring Data repository: the app role may update only {@code read_at} (column grant), so a
 * whole-row save is impossible by design. Row-level security limits every statement to the acting user's own rows.
 */
@Repository
class JdbcNotifications implements Notifications {

    private static final String COLUMNS = "id, recipient_id, kind, type, title, message, action_url, created_at, read_at";

    private final JdbcClient jdbc;

    JdbcNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Notification n) {
        // No conflict target: DO NOTHING then needs no SELECT on another row, and the id is the only unique key.
        return jdbc.sql("""
                INSERT INTO notifications (id, recipient_id, kind, type, title, message, action_url, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(n.id(), n.recipientId(), n.kind(), n.type().name(), n.title(), n.message(), n.actionUrl(),
                        Timestamp.from(n.createdAt()))
                .update() == 1;
    }

    @Override
    public List<Notification> newestFirst(UUID recipientId, InboxCursor before, int limit) {
        if (before == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE recipient_id = ? "
                    + "ORDER BY created_at DESC, id DESC LIMIT ?")
                    .params(recipientId, limit).query(this::notification).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE recipient_id = ? "
                + "AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(recipientId, Timestamp.from(before.createdAt()), before.id(), limit)
                .query(this::notification).list();
    }

    @Override
    public long unread(UUID recipientId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL")
                .param(recipientId).query(Long.class).single();
    }

    @Override
    public Optional<Notification> markRead(UUID id) {
        return jdbc.sql("UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = ? RETURNING "
                + COLUMNS).param(id).query(this::notification).optional();
    }

    @Override
    public int markAllRead(UUID recipientId) {
        return jdbc.sql("UPDATE notifications SET read_at = now() WHERE recipient_id = ? AND read_at IS NULL")
                .param(recipientId).update();
    }

    private Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class),
                rs.getString("kind"), NotificationType.valueOf(rs.getString("type")), rs.getString("title"),
                rs.getString("message"), rs.getString("action_url"), instant(rs, "created_at"),
                instant(rs, "read_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
