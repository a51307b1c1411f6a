package org.counterpart.metrics.api;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.counterpart.edge.paging.PageCursor;
import org.counterpart.edge.paging.PageRequest;

/**
 * One page of a list already in its order (rows of /totals and /pairs: one per pair and metric, as many as there are
 * pairs, never as many as reports): the rows after the cursor's key, at most the limit, and the cursor of the last
 * when more follow.
 *
 * @param <T> a row
 */
final class ListPage<T> {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    private final List<T> rows;
    private final String next;

    private ListPage(List<T> rows, String next) {
        this.rows = rows;
        this.next = next;
    }

    /**
     * @param sorted   every row, in the list's order ({@code order})
     * @param key      a row's sort key as cursor parts, in the order's terms: rows with equal keys are equal in order
     * @param keyOrder the list's order over cursors ({@code order} of the rows, applied to their keys)
     */
    static <T> ListPage<T> of(List<T> sorted, PageRequest request, Function<T, PageCursor> key,
                              Comparator<PageCursor> keyOrder) {
        List<T> after = request.after()
                .map(cursor -> sorted.stream().filter(row -> keyOrder.compare(key.apply(row), cursor) > 0).toList())
                .orElse(sorted);
        boolean more = after.size() > request.limit();
        List<T> page = more ? after.subList(0, request.limit()) : after;
        return new ListPage<>(page, more ? key.apply(page.get(page.size() - 1)).encode() : null);
    }

    List<T> rows() {
        return rows;
    }

    /** The cursor of the page after; null on the last page. */
    String next() {
        return next;
    }

    /** These rows as the body (in the shape the list answers with), with a Link rel=next when more follow. */
    Response response(Object body, UriInfo uri) {
        return PageRequest.linkNext(Response.ok(body), uri, next).build();
    }

    /**
     * Refuses a request that accepts no JSON. A method returning {@link Response} is chosen even then, when the path
     * has another method for another type (GET /totals also answers CSV), and would answer 200 in JSON.
     */
    static void requireJson(HttpHeaders headers) {
        if (headers.getAcceptableMediaTypes().stream().noneMatch(MediaType.APPLICATION_JSON_TYPE::isCompatible)) {
            throw new NotAcceptableException();
        }
    }
}
