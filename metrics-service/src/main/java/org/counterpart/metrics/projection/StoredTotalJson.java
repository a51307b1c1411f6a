package org.counterpart.metrics.projection;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.counterpart.metrics.totals.Pair;
import org.counterpart.metrics.totals.StoredTotal;

/**
 * A stored total as JSON: the record's own components (fields, never derived getters such as
 * {@code Pair.level()}), so that reading it back gives an equal {@link StoredTotal}. Numbers keep their scale.
 */
final class StoredTotalJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private StoredTotalJson() {
    }

    /** The stored form: the figures, without claims or report ids. */
    static String body(StoredTotal total) {
        return write(total.withoutClaims());
    }

    static StoredTotal read(String body) {
        return read(body, StoredTotal.class);
    }

    static String pair(Pair pair) {
        return write(pair);
    }

    static Pair readPair(String json) {
        return read(json, Pair.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored total cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A total cannot be stored: " + e.getOriginalMessage(), e);
        }
    }
}
