package org.counterpart.edge.paging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page of a list starts: the sort key of the last item the previous page gave, opaque to clients
 * (URL-safe base64). Lists page by key, not by offset, so that items added meanwhile neither repeat nor vanish.
 *
 * @param keys the sort key's parts, in order
 */
public record PageCursor(List<String> keys) {

    /** Between key parts: a control character no key of ours contains. */
    private static final String SEPARATOR = "\u001f";

    public PageCursor {
        keys = List.copyOf(keys);
        if (keys.stream().anyMatch(key -> key.contains(SEPARATOR))) {
            throw new IllegalArgumentException("a cursor key contains the separator");
        }
    }

    public static PageCursor of(String... keys) {
        return new PageCursor(Arrays.asList(keys));
    }

    public String key(int index) {
        return keys.get(index);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param parts how many key parts the list's cursors have
     * @throws IllegalArgumentException for anything {@link #encode()} of such a cursor did not write
     */
    public static PageCursor decode(String text, int parts) {
        try {
            String[] keys = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (keys.length != parts) {
                throw new IllegalArgumentException("a cursor of " + keys.length + " parts, not " + parts);
            }
            return new PageCursor(Arrays.asList(keys));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor of this list", e);
        }
    }
}
