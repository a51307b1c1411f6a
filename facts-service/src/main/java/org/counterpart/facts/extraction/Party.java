package org.counterpart.facts.extraction;

/**
 * A donor or recipient: a canonical region (English name, GB/T 2260 code, level) or a named group such as
 * "seven cities in East China" (level "group", code null) that is never split into members.
 */
public record Party(String name, String code, String level) {
    public static final String PROVINCE = "province";
    public static final String PREFECTURE = "prefecture";
    public static final String COUNTY = "county";
    public static final String GROUP = "group";
}
