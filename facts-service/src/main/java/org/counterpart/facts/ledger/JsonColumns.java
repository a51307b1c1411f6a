package org.counterpart.facts.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.counterpart.facts.extraction.fact.Party;

/**
 * The fact table's JSON text columns (also_stated, reasons, *_members): one place writes and reads them, so the
 * stored shape stays private to the ledger and can change without changing the published documents.
 */
final class JsonColumns {

    /** A group member as stored; FactQuery searches its name and code. */
    record Member(String name, String code, String level) {
    }

    private static final TypeReference<Map<String, BigDecimal>> AMOUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };
    private static final TypeReference<List<Member>> MEMBERS = new TypeReference<>() {
    };

    private static final TypeReference<FactDocument.ReadingDocument> READING = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    /** Null when there is nothing stated besides the figure. */
    String amounts(Map<String, BigDecimal> amounts) {
        return amounts == null || amounts.isEmpty() ? null : write(amounts);
    }

    Map<String, BigDecimal> amounts(String column) {
        return column == null ? null : read(column, AMOUNTS);
    }

    String reasons(List<String> reasons) {
        return write(reasons == null ? List.of() : reasons);
    }

    List<String> reasons(String column) {
        return column == null ? List.of() : read(column, CODES);
    }

    /** Null for a region: only a group has members (an empty list when nobody knows who they are). */
    String members(Party party) {
        if (!party.isGroup()) {
            return null;
        }
        return write(party.members().stream().map(m -> new Member(m.name(), m.code(), m.level())).toList());
    }

    List<Member> members(String column) {
        return column == null ? List.of() : read(column, MEMBERS);
    }

    String reading(FactDocument.ReadingDocument reading) {
        return write(reading);
    }

    FactDocument.ReadingDocument reading(String column) {
        return read(column, READING);
    }

    String fields(Map<String, Object> fields) {
        return write(fields);
    }

    Map<String, Object> fields(String column) {
        return read(column, FIELDS);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings, numbers and records always serialise", e);
        }
    }

    private <T> T read(String column, TypeReference<T> type) {
        try {
            return json.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON column of the fact table does not hold the JSON the ledger wrote", e);
        }
    }
}
