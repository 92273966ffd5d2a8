package com.agentanchor.marketplace.application.port.in;

import java.util.List;

/**
 * One page of a keyset-paged list: {@code next} is the cursor to pass as {@code after} for the following page, null on
 * the last. Cursors are opaque; each is good only for the list and order that gave it.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = List.copyOf(items);
    }
}
