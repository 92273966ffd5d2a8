package com.agentanchor.notifications.adapter.out.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.agentanchor.notifications.application.port.out.WebhookTransport;
import com.agentanchor.notifications.domain.OutboundAddresses;
import com.agentanchor.notifications.domain.WebhookAllowlist;

/**
 * The JDK's HTTP client, short timeouts, no redirects followed (a 3xx is a failed attempt: a redirect could point
 * anywhere), no proxy. Before every attempt the host is resolved afresh and every address it has now is checked
 * ({@link OutboundAddresses}); a host on the operator's allowlist ({@code AGENTANCHOR_WEBHOOKS_ALLOWED_HOSTS}) skips
 * that check, and only such a host is reached over plain http.
 * <p>
 * Why https-only is what closes DNS rebinding: the client resolves the name again when it connects, so a name
 * could answer a public address to the check and a private one to the connection. Over https the request is only
 * sent after the TLS handshake proved the peer holds a certificate for that name, which a service on a private
 * address does not: the body never reaches it. Pinning the checked address instead would need the client to send
 * another Host than it connects to, which the JDK client refuses (and which breaks SNI).
 */
@Component
class HttpWebhookTransport implements WebhookTransport {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final WebhookAllowlist allowlist;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpWebhookTransport(@Value("${agentanchor.webhooks.allowed-hosts:}") String allowedHosts) {
        this.allowlist = WebhookAllowlist.parse(allowedHosts);
    }

    @Override
    public Outcome post(String url, Map<String, String> headers, String body) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Outcome.refused("not a URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        var host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getRawUserInfo() != null) {
            return Outcome.refused("only http(s) URLs with a host and no user info");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) { // the profile refuses these; a URL saved earlier may not
            return Outcome.refused("port " + uri.getPort() + " is not one a connection can be made to");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        boolean allowed = allowlist.permits(host, port);
        if (!allowed && scheme.equals("http")) {
            return Outcome.refused("plain http only to a host in AGENTANCHOR_WEBHOOKS_ALLOWED_HOSTS");
        }
        if (!allowed) {
            try {
                for (var address : InetAddress.getAllByName(host)) {
                    if (!OutboundAddresses.isPublic(address)) {
                        return Outcome.refused(host + " resolves to a non-public address, and is not in "
                                + "AGENTANCHOR_WEBHOOKS_ALLOWED_HOSTS");
                    }
                }
            } catch (UnknownHostException e) {
                return Outcome.failed("unknown host " + host); // DNS may recover: tried again later
            }
        }
        var request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "AgentAnchor-Webhooks/1");
        headers.forEach(request::header);
        try {
            var response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Outcome.delivered(response.statusCode())
                    : Outcome.failed("HTTP " + response.statusCode());
        } catch (IOException e) {
            return Outcome.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }
}
