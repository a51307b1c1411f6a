package org.counterpart.edge.paging;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;

/**
 * A request for one page of a list: {@code limit} (a default and a maximum per list) and {@code cursor} (absent
 * for the first page). A list answers with at most {@code limit} items and, when more follow, a {@code next}
 * cursor and a {@code Link: <…&cursor=…>; rel="next"} header: never a silently shortened list.
 */
public record PageRequest(int limit, Optional<PageCursor> after) {

    /**
     * @param limit        the query parameter as given, or null
     * @param cursor       the query parameter as given, or null
     * @param cursorParts  how many key parts the list's cursors have
     * @throws ProblemException (invalid query) for a limit out of range or a cursor this list did not give out
     */
    public static PageRequest of(String limit, String cursor, int cursorParts, int defaultLimit, int maxLimit) {
        int size = defaultLimit;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > maxLimit) {
                throw new ProblemException(ProblemType.INVALID_QUERY, "limit must be a whole number from 1 to "
                        + maxLimit + ".", java.util.List.of(new Problem.InvalidParam("limit",
                        "a whole number from 1 to " + maxLimit)));
            }
        }
        Optional<PageCursor> after = Optional.empty();
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Optional.of(PageCursor.decode(cursor.strip(), cursorParts));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.INVALID_QUERY, "cursor is not one this list gave out.",
                        java.util.List.of(new Problem.InvalidParam("cursor", "not one this list gave out")));
            }
        }
        return new PageRequest(size, after);
    }

    /** The link to the page after, for a {@code Link} header: the request's own URI with the cursor replaced. */
    public static URI next(UriInfo uri, String cursor) {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build();
    }

    /** Adds {@code Link: <…>; rel="next"} when a next page exists. */
    public static Response.ResponseBuilder linkNext(Response.ResponseBuilder response, UriInfo uri, String cursor) {
        return cursor == null ? response : response.link(next(uri, cursor), "next");
    }
}
