package org.counterpart.facts.extraction.quantity;

import java.math.BigDecimal;

/** Values of Chinese numerals such as 五百, 一千二百三十, 两万, 三亿五千万. */
final class ChineseNumerals {
    static final String DIGITS = "零〇一二两三四五六七八九";
    static final String CHARS = DIGITS + "十百千万亿";

    private ChineseNumerals() {}

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3; case '四' -> 4; case '五' -> 5; case '六' -> 6; case '七' -> 7; case '八' -> 8; case '九' -> 9;
            default -> -1;
        };
    }

    /** Parses a run of Chinese numeral characters; null when malformed. */
    static BigDecimal parse(String s) {
        long total = 0, section = 0, number = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) { number = number * 10 + d; any = true; continue; }
            switch (c) {
                case '十' -> { section += (number == 0 ? 1 : number) * 10; number = 0; }
                case '百' -> { section += (number == 0 ? 1 : number) * 100; number = 0; }
                case '千' -> { section += (number == 0 ? 1 : number) * 1000; number = 0; }
                case '万' -> { total += (section + number == 0 ? 1 : section + number) * 10_000L; section = 0; number = 0; }
                case '亿' -> { total = (total + section + number == 0 ? 1 : total + section + number) * 100_000_000L; section = 0; number = 0; }
                default -> { return null; }
            }
            any = true;
        }
        return any ? BigDecimal.valueOf(total + section + number) : null;
    }
}
