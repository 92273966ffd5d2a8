package com.agentanchor.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read newest first by keyset: {@code next} is the opaque cursor of its last item, to pass back
 * (as {@code before} or {@code after}, as the list names it) for the page that follows; null on the last page. No
 * total: counting under row-level security costs a scan.
 */
public record KeysetPage<T>(List<T> items, String next) {

    public KeysetPage {
        items = List.copyOf(items);
    }

    /**
     * The page from {@code rows} read with a limit of {@code limit + 1}: the extra row only tells that more follow, and
     * the cursor is made from the last row kept.
     */
    public static <R, T> KeysetPage<T> of(List<R> rows, int limit, Function<R, T> view,
            Function<R, Cursor> position) {
        var kept = rows.size() > limit ? rows.subList(0, limit) : rows;
        var next = rows.size() > limit ? position.apply(kept.get(kept.size() - 1)).encode() : null;
        return new KeysetPage<>(kept.stream().map(view).toList(), next);
    }
}
