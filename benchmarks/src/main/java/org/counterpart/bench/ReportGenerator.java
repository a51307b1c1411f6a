package org.counterpart.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic generated reports, English and Chinese, of varied length and fact density, written the way provincial
 * press releases are: a headline, a dated lead, fact sentences between sentences that carry no figures. Every report
 * is unique (its figures are random), so the ingest service never answers "duplicate".
 */
final class ReportGenerator {

    /** A real city-to-prefecture pairing, in both languages. */
    record Pair(String donor, String donorZh, String recipient, String recipientZh, String province) {
    }

    record Report(String text, String language, String publishedAt, int factSentences) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("Hangzhou", "杭州市", "Qiandongnan", "黔东南州", "Guizhou"),
            new Pair("Ningbo", "宁波市", "Qianxinan", "黔西南州", "Guizhou"),
            new Pair("Dalian", "大连市", "Liupanshui", "六盘水市", "Guizhou"),
            new Pair("Qingdao", "青岛市", "Anshun", "安顺市", "Guizhou"),
            new Pair("Shenzhen", "深圳市", "Baise", "百色市", "Guangxi"),
            new Pair("Shenzhen", "深圳市", "Hechi", "河池市", "Guangxi"),
            new Pair("Guangzhou", "广州市", "Qiannan", "黔南州", "Guizhou"),
            new Pair("Xiamen", "厦门市", "Linxia", "临夏州", "Gansu"),
            new Pair("Fuzhou", "福州市", "Dingxi", "定西市", "Gansu"));

    private static final List<String> FILLER_EN = List.of(
            "Officials from both sides met to review the progress of the collaboration and plan the next stage.",
            "The delegation visited an industrial park, a relocation community and a vocational school.",
            "Both sides agreed to deepen cooperation in industry, education, health care and tourism.",
            "Local leaders thanked their partners for their long-term support and sincere help.",
            "The meeting stressed the importance of consolidating the achievements of poverty alleviation.",
            "Participants exchanged views on consumption-driven assistance and labour cooperation.");
    private static final List<String> FILLER_ZH = List.of(
            "双方召开联席会议，总结交流协作工作经验，研究部署下一阶段重点任务。",
            "考察团一行先后考察了产业园区、易地扶贫搬迁安置点和职业技术学校。",
            "双方表示，将进一步深化产业、教育、医疗和旅游等领域合作。",
            "会议强调，要巩固拓展脱贫攻坚成果，同乡村振兴有效衔接。");

    private final SplittableRandom random;

    ReportGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Report next() {
        Pair pair = PAIRS.get(random.nextInt(PAIRS.size()));
        int year = 2016 + random.nextInt(5);
        int facts = 1 + random.nextInt(3);
        int filler = random.nextInt(12);
        return random.nextInt(3) == 0 ? chinese(pair, year, facts, filler) : english(pair, year, facts, filler);
    }

    private Report english(Pair pair, int year, int facts, int filler) {
        StringBuilder text = new StringBuilder();
        text.append(pair.donor()).append(" and ").append(pair.recipient()).append(" review their pairing in ")
                .append(year).append("\n\n");
        appendFiller(text, FILLER_EN, filler / 2, " ");
        int million = 10 + random.nextInt(990);
        text.append("In ").append(year).append(", ").append(pair.donor()).append(" allocated ").append(million)
                .append(".").append(random.nextInt(10)).append(" million yuan of aid funds to ")
                .append(pair.recipient()).append(", ").append(pair.province()).append(" province. ");
        if (facts > 1) {
            text.append("In ").append(year).append(", the two cities implemented ").append(20 + random.nextInt(400))
                    .append(" aid projects. ");
        }
        if (facts > 2) {
            text.append("In ").append(year).append(", ").append(pair.donor()).append(" helped ")
                    .append(String.format("%,d", 500 + random.nextInt(20_000))).append(" workers from ")
                    .append(pair.recipient()).append(" find jobs. ");
        }
        appendFiller(text, FILLER_EN, filler - filler / 2, " ");
        return new Report(text.toString().strip(), "en", (year + 1) + "-01-15", facts);
    }

    private Report chinese(Pair pair, int year, int facts, int filler) {
        StringBuilder text = new StringBuilder();
        text.append(pair.donorZh()).append("对口帮扶").append(pair.recipientZh()).append(year).append("年工作综述\n\n");
        appendFiller(text, FILLER_ZH, filler / 2, "");
        text.append(year).append("年，").append(pair.donorZh()).append("向").append(pair.recipientZh())
                .append("投入财政援助资金").append(1 + random.nextInt(9)).append(".").append(random.nextInt(100))
                .append("亿元");
        if (facts > 1) {
            text.append("，实施帮扶项目").append(20 + random.nextInt(400)).append("个");
        }
        if (facts > 2) {
            text.append("，帮助").append(500 + random.nextInt(20_000)).append("名贫困劳动力转移就业");
        }
        text.append("。");
        appendFiller(text, FILLER_ZH, filler - filler / 2, "");
        return new Report(text.toString().strip(), "zh", (year + 1) + "-01-15", facts);
    }

    private void appendFiller(StringBuilder text, List<String> filler, int count, String separator) {
        for (int i = 0; i < count; i++) {
            text.append(filler.get(random.nextInt(filler.size()))).append(separator);
        }
    }
}
