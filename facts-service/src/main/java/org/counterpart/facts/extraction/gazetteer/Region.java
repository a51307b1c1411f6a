package org.counterpart.facts.extraction.gazetteer;

import java.util.List;

/**
 * An administrative division (GB/T 2260): code, parent code ("" for provinces), level
 * (province | prefecture | county), full and short Chinese names, canonical English name and variants.
 */
public record Region(String code, String parentCode, String level, String zhName, String zhShort,
                     String name, List<String> variants) {
    public boolean isProvince() { return "province".equals(level); }

    public boolean isPrefecture() { return "prefecture".equals(level); }

    public boolean isCounty() { return "county".equals(level); }

    /** 0 for provinces, 1 for prefectures, 2 for counties: larger is more specific. */
    public int depth() { return isProvince() ? 0 : isPrefecture() ? 1 : 2; }

    public String provinceCode() { return code.substring(0, 2) + "0000"; }
}
