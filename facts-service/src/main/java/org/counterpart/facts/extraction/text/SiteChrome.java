package org.counterpart.facts.extraction.text;

import java.util.regex.Pattern;

/**
 * Recognises page furniture that web pages carry around a report (print/close links, breadcrumbs,
 * copyright lines, footers with addresses, postcodes, phone and ICP numbers). Such text yields no facts.
 */
public final class SiteChrome {
    private static final Pattern CHROME = Regexes.compile(
            "(?i)(ICP\\s*[备证]|ICP\\s*No|版权所有|copyright|©|邮编|邮政编码|电话|传真|联系方式|地址\\s*[:：]|"
            + "print\\s*】|【\\s*close|】\\s*【|home\\s*>|扫描下载|手机客户端|\\btel\\s*[:.：]|\\bfax\\s*[:.：]|"
            + "e-?mail\\s*[:：]|post\\s*code|zip\\s*code|all rights reserved|责任编辑|editor\\s*[:：]|"
            + "来源\\s*[:：]|浏览次数|字号|打印本页|关闭窗口|\\[\\s*photo)");

    /** Every alternative of CHROME contains one of these: most sentences are ruled out without the regex. */
    private static final Literals KEYS = Literals.of("icp", "版权所有", "copyright", "©", "邮编", "邮政编码", "电话", "传真",
            "联系方式", "地址", "print", "【", "】", "home", "扫描下载", "手机客户端", "tel", "fax", "mail", "post", "zip",
            "all rights reserved", "责任编辑", "editor", "来源", "浏览次数", "字号", "打印本页", "关闭窗口", "[");

    private SiteChrome() {}

    public static boolean isChrome(String sentence) {
        return KEYS.in(sentence) && CHROME.matcher(sentence).find();
    }
}
