package com.agentanchor.platform.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A database location with the credentials that came with it, kept apart: the migration logs in with them, the
 * app's pool logs in as the app role at the same location. Accepts libpq URLs as Neon and Supabase print them
 * ({@code postgresql://user:pass@host[:port]/db?sslmode=require}) and JDBC URLs as they are.
 */
record DatabaseUrl(String jdbcUrl, String user, String password) {

    static DatabaseUrl parse(String variable, String raw) {
        var value = raw.strip();
        try {
            if (value.startsWith("jdbc:postgresql:")) {
                return fromJdbc(value);
            }
            if (value.startsWith("postgresql://") || value.startsWith("postgres://")) {
                return fromLibpq(value);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidDatabaseUrl(variable, e.getMessage());
        }
        throw new InvalidDatabaseUrl(variable, "it must start with postgresql://, postgres:// or jdbc:postgresql:");
    }

    DatabaseUrl withCredentials(String user, String password) {
        return new DatabaseUrl(jdbcUrl, user, password);
    }

    /** host:port/db, for messages: never the credentials. */
    String location() {
        var rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    private static DatabaseUrl fromLibpq(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            // The parser's own message quotes the whole URL, password included.
            throw new IllegalArgumentException(
                    "it is not a valid URL (special characters in the password must be percent-encoded)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("it names no host");
        }
        var database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres"
                : decode(uri.getRawPath().substring(1));
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            var info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        var params = new ArrayList<String>();
        for (var param : query(uri.getRawQuery())) {
            // pgjdbc spells libpq's channel_binding as channelBinding.
            params.add(param.startsWith("channel_binding=") ? "channelBinding=" + param.substring(16) : param);
        }
        // Neon's pooler runs PgBouncer in transaction mode, where server-side prepared statements break.
        if (uri.getHost().contains("-pooler.") && params.stream().noneMatch(p -> p.startsWith("prepareThreshold="))) {
            params.add("prepareThreshold=0");
        }
        var hostPort = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return new DatabaseUrl(jdbc(hostPort + "/" + database, params), user, password);
    }

    private static DatabaseUrl fromJdbc(String value) {
        int q = value.indexOf('?');
        var base = q < 0 ? value : value.substring(0, q);
        if (!base.startsWith("jdbc:postgresql://") || base.length() <= "jdbc:postgresql://".length()) {
            throw new IllegalArgumentException("it names no host");
        }
        String user = null;
        String password = null;
        var params = new ArrayList<String>();
        for (var param : query(q < 0 ? null : value.substring(q + 1))) {
            if (param.startsWith("user=")) {
                user = decode(param.substring(5));
            } else if (param.startsWith("password=")) {
                password = decode(param.substring(9));
            } else {
                params.add(param);
            }
        }
        return new DatabaseUrl(jdbc(base.substring("jdbc:postgresql://".length()), params), user, password);
    }

    private static String jdbc(String hostAndDatabase, List<String> params) {
        return "jdbc:postgresql://" + hostAndDatabase + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static List<String> query(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return List.of(raw.split("&")).stream().filter(p -> !p.isBlank()).toList();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + location() + ", user=" + user + "]";
    }
}
