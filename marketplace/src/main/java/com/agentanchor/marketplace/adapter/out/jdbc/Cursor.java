package com.agentanchor.marketplace.adapter.out.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.agentanchor.marketplace.application.port.in.InvalidMarketplaceRequest;

/**
 * A keyset position: the last row's sort key and id, under the name of the order they belong to, base64url-encoded
 * so that clients treat it as opaque. A cursor of another order, or none of ours, is refused as an invalid
 * {@code after} rather than read as something else.
 */
record Cursor(String order, String key, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((order + "|" + key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code after} names, which must be of {@code order}; null when there is none. */
    static Cursor decode(String after, String order) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            var parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(order)) {
                return new Cursor(parts[0], parts[1], UUID.fromString(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // not base64, or no UUID in it: refused below like any other stranger
        }
        throw new InvalidMarketplaceRequest("after", "not a cursor of this list and order; pass the next of a page");
    }
}
