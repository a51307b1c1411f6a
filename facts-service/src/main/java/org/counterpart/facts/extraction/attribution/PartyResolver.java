package org.counterpart.facts.extraction.attribution;

import org.counterpart.facts.extraction.fact.Party;
import org.counterpart.facts.extraction.gazetteer.Gazetteer;
import org.counterpart.facts.extraction.gazetteer.Region;
import org.counterpart.facts.extraction.gazetteer.RegionMention;
import org.counterpart.facts.extraction.lexicon.Lexicon;
import org.counterpart.facts.extraction.pairing.Pairing;
import org.counterpart.facts.extraction.pairing.PairingRegistry;
import org.counterpart.facts.extraction.pairing.Side;
import org.counterpart.facts.extraction.text.KeyedPattern;
import org.counterpart.facts.extraction.text.Sentence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Names donor and recipient of a figure. The sentence's own regions come first (eastern ones give, western
 * ones receive, per the pairing data); a side the sentence leaves out is completed with the report's paired
 * partner; "the two sides" and its kin mean the report's main pair; a sentence naming no party borrows the
 * parties of the sentence before it in the same paragraph. When none of this names both parties, nothing is
 * returned: parties are never invented. Aid within one province and support to Xinjiang/Tibet are out of scope.
 */
public final class PartyResolver {
    private static final KeyedPattern BOTH_SIDES = KeyedPattern.compile(
            "(?i)\\b(?:the|both)\\s+(?:two\\s+)?(?:sides|parties|provinces|places|regions|cities|localities)\\b|双方|两地|两省|两市|两区");
    /** Words crediting a figure to the collaboration, either language. */
    private static final List<KeyedPattern> COOPERATION = List.of(Lexicon.pattern("en", "context/cooperation"),
            Lexicon.pattern("zh", "context/cooperation"));
    private static final List<KeyedPattern> OTHER_GIVERS = List.of(Lexicon.pattern("en", "context/non_pairing_givers"),
            Lexicon.pattern("zh", "context/non_pairing_givers"));
    private static final java.util.regex.Pattern HELPING = java.util.regex.Pattern.compile("(?i)(?:"
            + Lexicon.regex("en", "context/helping") + ")\\s*$|(?:" + Lexicon.regex("zh", "context/helping") + ")$");
    private static final List<KeyedPattern> GIVING = List.of(Lexicon.pattern("en", "context/giving"),
            Lexicon.pattern("zh", "context/giving"));

    private static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");

    private final Gazetteer gazetteer;
    private final PairingRegistry pairings;

    public PartyResolver(Gazetteer gazetteer, PairingRegistry pairings) {
        this.gazetteer = gazetteer;
        this.pairings = pairings;
    }

    /**
     * Parties of the figure at [from, to) of the sentence. A clause of its own (split at semicolons) that names
     * regions or says "the two sides" decides first; otherwise the whole sentence and its context.
     */
    public Optional<Attribution> resolve(List<Sentence> sentences, Sentence sentence, int from, int to, int nextFigure,
                                         ReportContext context, Integer year) {
        String text = sentence.text();
        int segStart = Math.max(Math.max(text.lastIndexOf(';', from), text.lastIndexOf('；', from)), -1) + 1;
        int segEnd = firstOf(text, to);
        List<RegionMention> named = context.mentions(sentence.index());
        List<RegionMention> inSegment = named.stream().filter(m -> m.start() >= segStart && m.end() <= segEnd).toList();
        if (givenByOthers(text, from, named) || helpsTheEast(text, inSegment)) return Optional.empty();
        // an eastern region that is helped elsewhere in the sentence gives nothing to this figure
        List<RegionMention> all = named.stream().filter(m -> !helpedEastern(text, m)).toList();
        // a clause (or else the sentence) naming both sides: the parties nearest the figure
        for (List<RegionMention> scope : List.of(inSegment, all)) {
            if (NearestParties.namesBothSides(scope, pairings)) {
                return NearestParties.pick(text, scope, from, to, Math.min(nextFigure, segEnd), pairings, gazetteer)
                        .filter(p -> !p.outOfScope() && !p.donor().sharesProvinceWith(p.recipient()))
                        .map(p -> new Attribution(p.donor().party(), p.recipient().party()));
            }
            if (scope == inSegment && (segStart > 0 || segEnd < text.length())) {
                SideSets sides = SideSets.of(inSegment, pairings);
                if (sides.donors().isEmpty() && sides.recipients().isEmpty() && !sides.outOfScope()
                        && BOTH_SIDES.foundIn(text.substring(segStart, segEnd))) {
                    return mainPair(context);
                }
            }
        }
        List<GroupPhrase> groups = context.groups(sentence.index());
        if (!groups.isEmpty()) {
            Optional<Attribution> grouped = withGroups(text, all, groups, from, to, nextFigure, context, year);
            if (grouped.isPresent()) return grouped;
        }
        Optional<Attribution> own = oneSideNamed(sentence, all, from, to, nextFigure, context, year);
        if (own.isPresent()) return own;
        return resolve(sentences, sentence, context, year);
    }

    /**
     * The parties of a line of a list of parts ("其中：\n巫山县 1.1亿元"): the line's own region takes the place of its
     * whole's party on that side; a line naming none has its whole's parties.
     */
    public Optional<Attribution> listLine(Party wholeDonor, Party wholeRecipient, List<RegionMention> mentions) {
        SideSets sides = SideSets.of(mentions, pairings);
        Optional<Named> donor = Named.of(sides.donors(), gazetteer);
        Optional<Named> recipient = Named.of(sides.recipients(), gazetteer);
        if (sides.outOfScope()) return Optional.empty();
        Party d = donor.map(Named::party).orElse(wholeDonor);
        Party r = recipient.map(Named::party).orElse(wholeRecipient);
        return Optional.of(new Attribution(d, r).because(Attribution.PARTY_FROM_CONTEXT));
    }

    /**
     * A sentence naming a group without its members' names ("the eastern provinces … to the western poverty-stricken
     * areas", "Helped by seven coastal cities, Gansu …"): the group stands for a side the sentence names no
     * region of; a side named neither way is the report's main party of that side. A counted group takes its members
     * from the pairing data when they are as many as the text says; otherwise its members stay unknown.
     */
    private Optional<Attribution> withGroups(String text, List<RegionMention> all, List<GroupPhrase> groups, int from, int to,
                                             int nextFigure, ReportContext context, Integer year) {
        SideSets sides = SideSets.of(all, pairings);
        GroupPhrase donorGroup = sides.donors().isEmpty() ? nearestGroup(groups, Side.DONOR, from, to, text.length()) : null;
        GroupPhrase recipientGroup = sides.recipients().isEmpty() ? nearestGroup(groups, Side.RECIPIENT, from, to, nextFigure) : null;
        if (donorGroup == null && recipientGroup == null) return Optional.empty();
        List<String> reasons = new ArrayList<>();
        Optional<Named> donor = donorGroup != null ? Optional.empty()
                : NearestParties.oneSide(text, all, Side.DONOR, from, to, nextFigure, pairings, gazetteer);
        Optional<Named> recipient = recipientGroup != null ? Optional.empty()
                : NearestParties.oneSide(text, all, Side.RECIPIENT, from, to, nextFigure, pairings, gazetteer);
        // a side left unsaid is the report's main party only beside a counted group ("the eight cities"): beside "the
        // eastern provinces" it is the whole other side of the country, which no region stands for
        GroupPhrase named = donorGroup != null ? donorGroup : recipientGroup;
        if ((donorGroup == null && donor.isEmpty() || recipientGroup == null && recipient.isEmpty()) && named.count() == null) {
            return Optional.empty();
        }
        if (donorGroup == null && donor.isEmpty()) {
            if (context.mainDonor().isEmpty()) return Optional.empty();
            donor = Optional.of(Named.of(context.mainDonor().get()));
            reasons.add(Attribution.PARTY_FROM_CONTEXT);
        }
        if (recipientGroup == null && recipient.isEmpty()) {
            if (context.mainRecipient().isEmpty()) return Optional.empty();
            recipient = Optional.of(Named.of(context.mainRecipient().get()));
            reasons.add(Attribution.PARTY_FROM_CONTEXT);
        }
        if (sides.outOfScope() && recipientGroup == null) return Optional.empty();
        Party d = donorGroup != null ? groupParty(donorGroup, recipient.orElse(null), year, reasons) : donor.get().party();
        Party r = recipientGroup != null ? groupParty(recipientGroup, donor.orElse(null), year, reasons) : recipient.get().party();
        return Optional.of(new Attribution(d, r, reasons));
    }

    /** A giving group before the figure (else after it); a receiving group after it in its own stretch (else before). */
    private static GroupPhrase nearestGroup(List<GroupPhrase> groups, Side side, int from, int to, int limit) {
        GroupPhrase before = null, after = null;
        for (GroupPhrase g : groups) {
            if (g.side() != side) continue;
            if (g.end() <= from) before = g;
            else if (g.start() >= to && after == null) after = g;
        }
        if (side == Side.DONOR) return before != null ? before : after;
        if (after != null && after.start() < limit) return after;
        return before != null ? before : after;
    }

    /**
     * The party a group phrase names: with its members from the pairing data when the text gives a count and the
     * pairings in force that year with the other party have exactly that many partners at the group's level.
     */
    private Party groupParty(GroupPhrase g, Named other, Integer year, List<String> reasons) {
        if (g.count() != null && other != null && !other.isGroup() && year != null) {
            Set<Region> members = new LinkedHashSet<>();
            for (Pairing p : pairings.all()) {
                if (!p.activeIn(year)) continue;
                Region mine = g.side() == Side.DONOR ? p.donor() : p.recipient();
                Region theirs = g.side() == Side.DONOR ? p.recipient() : p.donor();
                if (!(gazetteer.within(theirs, other.first()) || gazetteer.within(other.first(), theirs))) continue;
                if (levelFits(mine, g.level())) members.add(mine);
            }
            if (members.size() == g.count()) {
                reasons.add(Attribution.GROUP_MEMBERS_INFERRED);
                return Party.group(g.name(), members.stream().map(PartyResolver::party).toList(), true);
            }
        }
        reasons.add(Attribution.GROUP_MEMBERS_UNKNOWN);
        return Party.group(g.name(), List.of(), false);
    }

    /** Cities include the four municipalities that are provinces in the administrative tree (Shanghai …). */
    private static boolean levelFits(Region r, String level) {
        return switch (level) {
            case "province" -> r.isProvince();
            case "prefecture" -> r.isPrefecture() || MUNICIPALITIES.contains(r.code());
            case "county" -> r.isCounty();
            default -> true;
        };
    }

    /**
     * A sentence naming one side only: the party of that side nearest the figure, and its partner from the pairing
     * data among the regions the report names. A named group of donors ("seven cities in East China") gives.
     */
    private Optional<Attribution> oneSideNamed(Sentence sentence, List<RegionMention> all, int from, int to, int nextFigure,
                                               ReportContext context, Integer year) {
        SideSets sides = SideSets.of(all, pairings);
        if (sides.donors().isEmpty() == sides.recipients().isEmpty()) return Optional.empty();
        String text = sentence.text();
        Side side = sides.donors().isEmpty() ? Side.RECIPIENT : Side.DONOR;
        Optional<Named> named = NearestParties.oneSide(text, all, side, from, to, nextFigure, pairings, gazetteer);
        if (named.isEmpty()) return Optional.empty();
        if (sides.outOfScope() && side == Side.DONOR) return Optional.empty();
        Optional<Named> partner = context.partner(named.get(), side == Side.DONOR, year);
        if (partner.isEmpty()) return Optional.empty();
        // "Nujiang lifted 96,000 people out of poverty" is the receiver's own record unless the sentence credits the help
        if (side == Side.RECIPIENT && !credited(text, all)) return Optional.empty();
        Named donor = side == Side.DONOR ? named.get() : partner.get();
        Named recipient = side == Side.DONOR ? partner.get() : named.get();
        if (donor.sharesProvinceWith(recipient)) return Optional.empty();
        return Optional.of(new Attribution(donor.party(), recipient.party()).because(Attribution.PARTY_FROM_PAIRING_DATA));
    }

    /**
     * Whether a sentence naming only the receiving side credits its figures to a giver: a word of the collaboration,
     * or a verb of giving before the receiving region (it is the object: "invested … in Tongren", 向云南投入).
     */
    private boolean credited(String text, List<RegionMention> mentions) {
        for (KeyedPattern p : COOPERATION) if (p.foundIn(text)) return true;
        int lastRecipient = -1;
        for (RegionMention m : mentions) if (pairings.side(m.region()) == Side.RECIPIENT) lastRecipient = Math.max(lastRecipient, m.start());
        // with no region named, any verb of giving credits ("About 600 million yuan has been put into 310 projects")
        if (mentions.isEmpty()) lastRecipient = text.length();
        if (lastRecipient < 0) return false;
        for (KeyedPattern p : GIVING) {
            if (!p.mayMatch(text, 0, lastRecipient)) continue;
            java.util.regex.Matcher m = p.matcher(text);
            m.region(0, lastRecipient);
            if (m.find()) return true;
        }
        return false;
    }

    /**
     * Whether the giver of the figure is outside the collaboration: the central government or its units (中央向甘肃投入的
     * 财政资金…, "central government funds") named before the figure with no eastern region between them and it.
     */
    private boolean givenByOthers(String text, int figure, List<RegionMention> mentions) {
        int giver = -1;
        for (KeyedPattern p : OTHER_GIVERS) {
            if (!p.mayMatch(text, 0, figure)) continue;
            java.util.regex.Matcher m = p.matcher(text);
            m.region(0, figure);
            while (m.find()) giver = Math.max(giver, m.end());
        }
        if (giver < 0) return false;
        for (RegionMention m : mentions) {
            if (m.start() >= giver && m.end() <= figure && pairings.side(m.region()) == Side.DONOR) return false;
        }
        return true;
    }

    /** "帮助烟台引进项目9个": a clause whose helped region is on the giving side is no East–West aid. */
    private boolean helpsTheEast(String text, List<RegionMention> clause) {
        for (RegionMention m : clause) if (helpedEastern(text, m)) return true;
        return false;
    }

    private boolean helpedEastern(String text, RegionMention m) {
        if (pairings.side(m.region()) != Side.DONOR) return false;
        java.util.regex.Matcher h = HELPING.matcher(text);
        h.region(Math.max(0, m.start() - 12), m.start());
        return h.find();
    }

    private static int firstOf(String text, int from) {
        int a = text.indexOf(';', from), b = text.indexOf('；', from);
        if (a < 0) a = text.length();
        if (b < 0) b = text.length();
        return Math.min(a, b);
    }

    private Optional<Attribution> resolve(List<Sentence> sentences, Sentence sentence, ReportContext context, Integer year) {
        SideSets sides = SideSets.of(context.mentions(sentence.index()), pairings);
        if (!sides.donors().isEmpty() || !sides.recipients().isEmpty() || sides.outOfScope()) return Optional.empty();
        if (BOTH_SIDES.foundIn(sentence.text())) return mainPair(context);
        for (int back = 1; back <= 2 && sentence.index() - back >= 0; back++) {
            Sentence prev = sentences.get(sentence.index() - back);
            if (prev.paragraph() != sentence.paragraph()) break;
            List<GroupPhrase> groups = context.groups(prev.index());
            Optional<Attribution> a = groups.isEmpty() ? Optional.empty() : withGroups(prev.text(), context.mentions(prev.index()),
                    groups, prev.text().length(), prev.text().length(), prev.text().length(), context, year);
            if (a.isEmpty()) a = fromSentence(prev, context, year);
            if (a.isPresent()) return a.map(x -> x.because(Attribution.PARTY_FROM_CONTEXT));
            if (BOTH_SIDES.foundIn(prev.text())) return mainPair(context);
        }
        // a sentence of the collaboration naming no party, in a report about one pair, is about that pair
        if (!context.groups(sentence.index()).isEmpty() || !credited(sentence.text(), List.of())) return Optional.empty();
        return context.dominantPair(year)
                .filter(pair -> !pair[0].sharesProvinceWith(pair[1]))
                .map(pair -> new Attribution(pair[0].party(), pair[1].party()).because(Attribution.PARTY_FROM_CONTEXT));
    }

    private Optional<Attribution> fromSentence(Sentence sentence, ReportContext context, Integer year) {
        SideSets sides = SideSets.of(context.mentions(sentence.index()), pairings);
        Optional<Named> donor = Named.of(sides.donors(), gazetteer);
        Optional<Named> recipient = Named.of(sides.recipients(), gazetteer);
        if (sides.outOfScope() && recipient.isEmpty()) return Optional.empty();
        boolean completed = donor.isEmpty() || recipient.isEmpty();
        if (donor.isEmpty() && recipient.isPresent() && !credited(sentence.text(), context.mentions(sentence.index()))) return Optional.empty();
        if (donor.isPresent() && recipient.isEmpty()) recipient = context.partner(donor.get(), true, year);
        if (recipient.isPresent() && donor.isEmpty()) donor = context.partner(recipient.get(), false, year);
        if (donor.isEmpty() || recipient.isEmpty()) return Optional.empty();
        if (donor.get().sharesProvinceWith(recipient.get())) return Optional.empty();
        Attribution a = new Attribution(donor.get().party(), recipient.get().party());
        return Optional.of(completed ? a.because(Attribution.PARTY_FROM_PAIRING_DATA) : a);
    }

    private Optional<Attribution> mainPair(ReportContext context) {
        if (context.mainDonor().isEmpty() || context.mainRecipient().isEmpty()) return Optional.empty();
        return Optional.of(new Attribution(party(context.mainDonor().get()), party(context.mainRecipient().get()))
                .because(Attribution.PARTY_FROM_CONTEXT));
    }

    public static Party party(Region r) {
        return new Party(r.name(), r.code(), r.level());
    }
}
