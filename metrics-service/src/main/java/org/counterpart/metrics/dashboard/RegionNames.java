package org.counterpart.metrics.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The names of every region by its GB/T 2260 code, as the gazetteer gives them (facts-service's
 * {@code extraction/regions.tsv}, which the build copies to {@value #RESOURCE}: columns code, parent, level, zh,
 * zh_short, name, variants; lines starting with # are comments).
 */
public final class RegionNames {

    static final String RESOURCE = "gazetteer/regions.tsv";

    /** One region's names. */
    @Schema(name = "RegionName", description = "A region's names")
    public record Name(
            @Schema(description = "Full Chinese name", example = "深圳市") String zh,
            @Schema(description = "Short Chinese name", example = "深圳") @JsonProperty("short") String shortName,
            @Schema(description = "English name, as the APIs spell the region", example = "Shenzhen") String en) {
    }

    private RegionNames() {
    }

    /** The names of the gazetteer on the class path, in its order. */
    public static Map<String, Name> fromClassPath() {
        try (InputStream in = RegionNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE
                        + " (the build copies it from facts-service)");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException naming the line, for a line without the seven columns */
    public static Map<String, Name> read(Reader tsv) throws IOException {
        Map<String, Name> names = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(tsv);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 6 || columns[0].isBlank()) {
                throw new IllegalArgumentException("line " + number + " of the gazetteer has no code and names: " + line);
            }
            names.put(columns[0].strip(), new Name(columns[3].strip(), columns[4].strip(), columns[5].strip()));
        }
        return Collections.unmodifiableMap(names);
    }
}
