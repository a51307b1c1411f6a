package org.counterpart.metrics.projection;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.counterpart.metrics.message.FactMessage;
import org.counterpart.metrics.totals.Party;

/**
 * What the projection keeps as JSON text rather than in columns or tables of its own, because it is only ever
 * read with its fact: a group's members and a fact's confidence reasons.
 */
final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is stored per member: a member is a region, never a group. */
    record Member(String name, String code, String level) {
    }

    private JsonColumns() {
    }

    /** The JSON text of a group's members; null for a region, which has none. */
    static String members(FactMessage.PartyMessage party) {
        if (!party.isGroup()) {
            return null;
        }
        return write(party.membersOrNone().stream().map(m -> new Member(m.name(), m.code(), m.level())).toList());
    }

    static Party party(String name, String code, String level, String members, boolean membersInferred) {
        if (members == null) {
            return new Party(name, code, level);
        }
        List<Party> regions = read(members, new TypeReference<List<Member>>() { }).stream()
                .map(m -> new Party(m.name(), m.code(), m.level()))
                .toList();
        return new Party(name, code, level, regions, membersInferred);
    }

    static String reasons(List<String> reasons) {
        return reasons == null || reasons.isEmpty() ? null : write(reasons);
    }

    static List<String> reasons(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<String>>() { });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            // Only this class writes these columns; unreadable text is a bug or a hand-edited row.
            throw new IllegalStateException("Unreadable JSON column: " + json, e);
        }
    }
}
