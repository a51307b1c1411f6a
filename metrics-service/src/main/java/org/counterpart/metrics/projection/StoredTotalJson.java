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

    /** The claims of a stored total, kept apart from its figures. */
    record Claims(List<StoredTotal.ClaimEntry> used, List<StoredTotal.ClaimEntry> unused) {
    }

    private StoredTotalJson() {
    }

    static String body(StoredTotal total) {
        return write(total.withoutClaims());
    }

    static String claims(StoredTotal total) {
        return write(new Claims(total.used(), total.unused()));
    }

    static StoredTotal read(String body, String claims) {
        try {
            StoredTotal total = JSON.readValue(body, StoredTotal.class);
            if (claims == null) {
                return total;
            }
            Claims read = JSON.readValue(claims, Claims.class);
            return new StoredTotal(total.pair(), total.metric(), total.unit(), total.total(), total.claimCount(),
                    total.reviewedValue(), total.reviewedShare(), total.parent(), total.root(), total.ownTotal(),
                    total.childPairsTotal(), total.fromChildPairs(), total.conflictCount(), total.reportIds(),
                    total.lastUpdated(), total.derived(), read.used(), read.unused());
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
