package com.agentanchor.notifications.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * The hosts the operator lets webhooks reach whatever their addresses ({@code AGENTANCHOR_WEBHOOKS_ALLOWED_HOSTS}:
 * comma-separated {@code host} or {@code host:port}, names compared without case, the port when one is given). A
 * receiver on the operator's own network, or on loopback in development, is reached only through this list; it is
 * also the only way a webhook goes over plain http.
 */
@ValueObject
public record WebhookAllowlist(List<Entry> entries) {

    public static final WebhookAllowlist NONE = new WebhookAllowlist(List.of());

    public WebhookAllowlist {
        entries = List.copyOf(entries);
    }

    public static WebhookAllowlist parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return new WebhookAllowlist(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Entry::parse).toList());
    }

    /** Whether {@code host} (as the URL names it) on {@code port} is allowed. */
    public boolean permits(String host, int port) {
        var name = normalize(host);
        return entries.stream().anyMatch(e -> e.host().equals(name) && (e.port() < 0 || e.port() == port));
    }

    private static String normalize(String host) {
        var h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** One allowed host; {@code port} -1 for any port. */
    public record Entry(String host, int port) {

        static Entry parse(String text) {
            String host = text;
            int port = -1;
            if (text.startsWith("[")) { // [IPv6] or [IPv6]:port
                int end = text.indexOf(']');
                if (end < 0) {
                    throw new IllegalArgumentException("not a host or host:port: " + text);
                }
                host = text.substring(0, end + 1);
                if (end + 1 < text.length()) {
                    port = port(text, text.substring(end + 1));
                }
            } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
                host = text.substring(0, text.indexOf(':'));
                port = port(text, text.substring(text.indexOf(':')));
            }
            return new Entry(normalize(host), port);
        }

        private static int port(String entry, String colonPort) {
            try {
                int port = Integer.parseInt(colonPort.substring(1));
                if (!colonPort.startsWith(":") || port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a host or host:port: " + entry);
            }
        }
    }
}
