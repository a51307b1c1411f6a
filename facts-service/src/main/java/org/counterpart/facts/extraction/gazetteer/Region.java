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

    public String provinceCode() {
        // the same string for every region of a province, without building it anew on each call (a hot path)
        if (code.length() >= 2) {
            int d0 = code.charAt(0) - '0', d1 = code.charAt(1) - '0';
            if (d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9) return PROVINCE_CODES[d0 * 10 + d1];
        }
        return code.substring(0, 2) + "0000";
    }

    private static final String[] PROVINCE_CODES = new String[100];
    static {
        for (int i = 0; i < 100; i++) PROVINCE_CODES[i] = String.format("%02d0000", i);
    }
}
