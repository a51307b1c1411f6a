package org.counterpart.facts.extraction.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a labelled set: {@code {"reports": [{file, language?, published?, facts: [...], must_not_extract: [...]}]}}.
 * A party is either a plain name (the seeds' format) or an object {@code {name, name_zh, code, level}} for a region
 * or {@code {name, group: true, members: [...], aliases: [...]}} for a group.
 */
public final class GoldSet {
    private GoldSet() {}

    public static List<GoldReport> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<GoldReport> reports = new ArrayList<>();
        for (JsonNode r : root.path("reports")) {
            List<GoldFact> facts = new ArrayList<>();
            for (JsonNode f : r.path("facts")) facts.add(fact(f));
            List<String> forbidden = new ArrayList<>();
            r.path("must_not_extract").forEach(n -> forbidden.add(n.asText()));
            String fileName = r.path("file").asText();
            boolean negative = r.path("negative_control").asBoolean(false) || fileName.contains("NEGATIVE");
            reports.add(new GoldReport(fileName, r.path("language").asText("en"), date(r.path("published").asText(null)),
                    facts, forbidden, negative));
        }
        return reports;
    }

    private static GoldFact fact(JsonNode f) {
        List<String> metrics = new ArrayList<>();
        metrics.add(f.path("metric").asText());
        f.path("alt_metrics").forEach(m -> metrics.add(m.asText()));
        return new GoldFact(f.path("label").asText(null), metrics, f.path("value").decimalValue(),
                party(f.path("donor")), party(f.path("recipient")), f.path("optional").asBoolean(false),
                f.path("evidence").asText(null));
    }

    static GoldParty party(JsonNode p) {
        if (p.isTextual()) return GoldParty.named(p.asText());
        List<GoldParty> members = new ArrayList<>();
        p.path("members").forEach(m -> members.add(party(m)));
        List<String> aliases = new ArrayList<>();
        p.path("aliases").forEach(a -> aliases.add(a.asText()));
        return new GoldParty(p.path("name").asText(), p.path("name_zh").asText(null), p.path("code").asText(null),
                p.path("level").asText(null), p.path("group").asBoolean(false), members, aliases);
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
