package org.counterpart.facts.extraction.evaluation;

import org.counterpart.facts.extraction.fact.Party;
import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an extracted party agrees with a labelled one. Regions agree when they are the same or one lies inside the
 * other (a province agrees with its cities and counties). Groups agree when their members correspond: each member of
 * one is equal to, an ancestor of or a descendant of some member of the other. A group known only by name (no
 * members on one side) agrees with a group of the same name or alias. Between a region and a group, containment
 * decides as it does between regions: a region containing every member of a group agrees with it (Guizhou with
 * "Bijie and Qiannan"), and so does a region a labeller listed among the group's aliases; a region that is one
 * member, or inside one, never agrees with the group (a group is never credited to a member).
 */
public final class PartyAgreement {
    private final Gazetteer gazetteer;

    public PartyAgreement(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public boolean agrees(GoldParty gold, Party extracted) {
        if (gold.group()) {
            if (!extracted.isGroup()) {
                // a region that contains every member agrees, as a province agrees with its cities
                return aliasOf(gold, extracted.name(), false) || !gold.members().isEmpty()
                        && gold.members().stream().allMatch(m -> containedIn(m, extracted));
            }
            if (!gold.members().isEmpty() && !extracted.members().isEmpty()) return membersCorrespond(gold.members(), extracted.members());
            return aliasOf(gold, extracted.name(), true);
        }
        if (extracted.isGroup()) {
            // a group lying wholly inside the labelled region agrees; a group is never one of its members
            return !extracted.members().isEmpty() && extracted.members().stream().allMatch(m -> inside(m, gold));
        }
        return regionAgrees(gold, extracted);
    }

    private boolean membersCorrespond(List<GoldParty> gold, List<Party> extracted) {
        for (GoldParty g : gold) {
            if (extracted.stream().noneMatch(e -> regionAgrees(g, e))) return false;
        }
        for (Party e : extracted) {
            if (gold.stream().noneMatch(g -> regionAgrees(g, e))) return false;
        }
        return true;
    }

    private boolean regionAgrees(GoldParty gold, Party extracted) {
        if (extracted.code() == null) return gold.name().equalsIgnoreCase(extracted.name());
        Optional<Region> region = gazetteer.byCode(extracted.code());
        if (region.isEmpty()) return false;
        for (Region g : goldRegions(gold)) {
            if (gazetteer.within(region.get(), g) || gazetteer.within(g, region.get())) return true;
        }
        return false;
    }

    /** Whether the labelled region lies in (or is) the extracted region. */
    private boolean containedIn(GoldParty gold, Party extracted) {
        Optional<Region> region = extracted.code() == null ? Optional.empty() : gazetteer.byCode(extracted.code());
        return region.isPresent() && goldRegions(gold).stream().anyMatch(g -> gazetteer.within(g, region.get()));
    }

    /** Whether the extracted region lies in (or is) the labelled region. */
    private boolean inside(Party extracted, GoldParty gold) {
        Optional<Region> region = extracted.code() == null ? Optional.empty() : gazetteer.byCode(extracted.code());
        return region.isPresent() && goldRegions(gold).stream().anyMatch(g -> gazetteer.within(region.get(), g));
    }

    private List<Region> goldRegions(GoldParty gold) {
        List<Region> out = new ArrayList<>();
        if (gold.code() != null) gazetteer.byCode(gold.code()).ifPresent(out::add);
        if (out.isEmpty()) out.addAll(gazetteer.english(Gazetteer.key(gold.name())));
        return out;
    }

    private static boolean aliasOf(GoldParty gold, String name, boolean partly) {
        String n = plain(name);
        if (n.isEmpty()) return false;
        List<String> names = new ArrayList<>(gold.aliases());
        names.add(gold.name());
        if (gold.nameZh() != null) names.add(gold.nameZh());
        for (String alias : names) {
            String a = plain(alias);
            if (!a.isEmpty() && (a.equals(n) || partly && (a.contains(n) || n.contains(a)))) return true;
        }
        return false;
    }

    private static String plain(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceFirst("^the\\s+", "").replaceAll("\\s+", " ").trim();
    }
}
