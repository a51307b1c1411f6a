package org.counterpart.facts.extraction.pairing;

import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * The East–West pairing regimes loaded from {@code extraction/pairings.tsv}. Answers which side a region is on
 * (eastern donors vs western recipients) and which partners a region had in a given year.
 */
public final class PairingRegistry {
    public static final String RESOURCE = "/extraction/pairings.tsv";

    private final Gazetteer gazetteer;
    private final List<Pairing> pairings = new ArrayList<>();
    private final Set<String> donorProvinces = new HashSet<>();
    private final Set<String> recipientProvinces = new HashSet<>();
    /** Provinces whose East–West aid is out of scope (counterpart support to Xinjiang and Tibet is a different programme). */
    private static final Set<String> OUT_OF_SCOPE = Set.of("650000", "540000");

    public static PairingRegistry fromClasspath(Gazetteer gazetteer) {
        try (InputStream in = PairingRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new PairingRegistry(gazetteer, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PairingRegistry(Gazetteer gazetteer, BufferedReader reader) throws IOException {
        this.gazetteer = gazetteer;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            Region donor = gazetteer.byCode(f[0].trim()).orElseThrow(() -> new IllegalStateException("unknown code " + f[0]));
            Region recipient = gazetteer.byCode(f[1].trim()).orElseThrow(() -> new IllegalStateException("unknown code " + f[1]));
            Pairing p = new Pairing(donor, recipient, Integer.parseInt(f[2].trim()), Integer.parseInt(f[3].trim()));
            pairings.add(p);
            donorProvinces.add(donor.provinceCode());
            if (!OUT_OF_SCOPE.contains(recipient.provinceCode())) recipientProvinces.add(recipient.provinceCode());
        }
    }

    public List<Pairing> all() { return Collections.unmodifiableList(pairings); }

    public Side side(Region r) {
        String p = r.provinceCode();
        if (donorProvinces.contains(p)) return Side.DONOR;
        if (recipientProvinces.contains(p)) return Side.RECIPIENT;
        return Side.UNKNOWN;
    }

    public boolean outOfScope(Region r) { return OUT_OF_SCOPE.contains(r.provinceCode()); }

    /** True when some pairing active in the year links a donor containing/inside {@code donor} to one containing/inside {@code recipient}. */
    public boolean paired(Region donor, Region recipient, Integer year) {
        for (Pairing p : pairings) {
            if (!p.activeIn(year)) continue;
            if (related(p.donor(), donor) && related(p.recipient(), recipient)) return true;
        }
        return false;
    }

    /** Pairing partners of a donor (recipients) or of a recipient (donors) in force in the year. */
    public List<Pairing> involving(Region r, Integer year) {
        List<Pairing> out = new ArrayList<>();
        for (Pairing p : pairings) {
            if (p.activeIn(year) && (related(p.donor(), r) || related(p.recipient(), r))) out.add(p);
        }
        return out;
    }

    private boolean related(Region a, Region b) {
        return gazetteer.within(a, b) || gazetteer.within(b, a);
    }
}
