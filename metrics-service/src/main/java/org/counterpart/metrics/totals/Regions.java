package org.counterpart.metrics.totals;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The region hierarchy (county → prefecture → province), read off GB/T 2260 codes: the first two digits and
 * "0000" name the province, the first four and "00" the prefecture. Groups ("seven cities in East China") and
 * regions without a code have no parent region: a group must never be split or merged into one of its members
 * (how groups roll up is {@link PairHierarchy}'s business).
 */
public final class Regions {

    /** Province-level municipalities: their districts belong to the city itself, which is the province. */
    private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");

    /** Province names (as facts-service spells them), for parent pairs that no report names. */
    private static final Map<String, String> PROVINCES = Map.ofEntries(
            Map.entry("11", "Beijing"), Map.entry("12", "Tianjin"), Map.entry("13", "Hebei"),
            Map.entry("14", "Shanxi"), Map.entry("15", "Inner Mongolia"), Map.entry("21", "Liaoning"),
            Map.entry("22", "Jilin"), Map.entry("23", "Heilongjiang"), Map.entry("31", "Shanghai"),
            Map.entry("32", "Jiangsu"), Map.entry("33", "Zhejiang"), Map.entry("34", "Anhui"),
            Map.entry("35", "Fujian"), Map.entry("36", "Jiangxi"), Map.entry("37", "Shandong"),
            Map.entry("41", "Henan"), Map.entry("42", "Hubei"), Map.entry("43", "Hunan"),
            Map.entry("44", "Guangdong"), Map.entry("45", "Guangxi"), Map.entry("46", "Hainan"),
            Map.entry("50", "Chongqing"), Map.entry("51", "Sichuan"), Map.entry("52", "Guizhou"),
            Map.entry("53", "Yunnan"), Map.entry("54", "Tibet"), Map.entry("61", "Shaanxi"),
            Map.entry("62", "Gansu"), Map.entry("63", "Qinghai"), Map.entry("64", "Ningxia"),
            Map.entry("65", "Xinjiang"), Map.entry("71", "Taiwan"), Map.entry("81", "Hong Kong"),
            Map.entry("82", "Macao"));

    private Regions() {
    }

    /**
     * The two-digit prefix of a province given by name ("Guangdong", ignoring case) or by code ("44",
     * "440000"); empty when it names no province.
     */
    public static Optional<String> provincePrefix(String nameOrCode) {
        String wanted = nameOrCode.trim();
        if (wanted.matches("\\d{2}(0000)?") && PROVINCES.containsKey(wanted.substring(0, 2))) {
            return Optional.of(wanted.substring(0, 2));
        }
        return PROVINCES.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(wanted))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** True when the party is the province with this prefix or lies within it. */
    public static boolean inProvince(Party party, String prefix) {
        return party.code() != null && party.code().trim().matches("\\d{6}") && party.code().trim().startsWith(prefix);
    }

    /** All provinces, as (prefix, name), for the dashboard's filter. */
    public static Map<String, String> provinces() {
        return new java.util.TreeMap<>(PROVINCES);
    }

    /** The party's level: as facts-service stated it, else as its code says. */
    public static Optional<Level> levelOf(Party party) {
        Optional<Level> stated = Level.fromCode(party.level());
        return stated.isPresent() ? stated : Level.ofAdministrativeCode(party.code());
    }

    /** The code of the region one level up, if the party is a region below province level. */
    public static Optional<String> parentCode(Party party) {
        String code = party.code() == null ? "" : party.code().trim();
        Optional<Level> level = Level.ofAdministrativeCode(code);
        if (level.isEmpty() || level.get() == Level.PROVINCE) {
            return Optional.empty();
        }
        String province = code.substring(0, 2) + "0000";
        if (level.get() == Level.PREFECTURE || MUNICIPALITIES.contains(code.substring(0, 2))
                || code.startsWith("90", 2)) {
            // xx90yy are county-level cities directly under the province (Xiantao, Shihezi ...).
            return Optional.of(province);
        }
        return Optional.of(code.substring(0, 4) + "00");
    }

    /**
     * True when {@code inner} is the region {@code outer} or lies within it (Shenzhen within Guangdong), read off
     * their codes; a region without a code is within nothing but itself.
     */
    public static boolean contains(Party outer, Party inner) {
        if (outer.identity().equals(inner.identity())) {
            return true;
        }
        String outerCode = outer.code() == null ? "" : outer.code().trim();
        if (Level.ofAdministrativeCode(outerCode).isEmpty()) {
            return false;
        }
        for (Optional<Party> up = parentOf(inner); up.isPresent(); up = parentOf(up.get())) {
            if (up.get().code().equals(outerCode)) {
                return true;
            }
        }
        return false;
    }

    /** The party one level up, named from the table for a province and by its code otherwise. */
    public static Optional<Party> parentOf(Party party) {
        return parentCode(party).map(code -> {
            Level level = Level.ofAdministrativeCode(code).orElseThrow();
            String name = level == Level.PROVINCE ? PROVINCES.getOrDefault(code.substring(0, 2), code) : code;
            return new Party(name, code, level.code());
        });
    }
}
