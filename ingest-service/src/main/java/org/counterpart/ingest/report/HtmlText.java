package org.counterpart.ingest.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reduces an HTML page to the text a reader would see in its article: scripts, styles, navigation, headers,
 * footers and asides are site chrome, not report.
 */
public final class HtmlText {

    private static final String CHROME = "script, style, noscript, template, nav, header, footer, aside, form, iframe, "
            + "svg, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

    private HtmlText() {
    }

    public static String of(String html) {
        Document document = Jsoup.parse(html);
        document.select(CHROME).remove();
        Elements articles = document.select("article, main, [role=main]");
        Element root = articles.isEmpty() ? document.body() : articles.first();
        if (root == null) {
            return "";
        }
        // wholeText keeps paragraph breaks; block elements get a blank line so sentences do not run together.
        root.select("p, div, br, li, h1, h2, h3, h4, h5, h6, tr, section").forEach(e -> e.after("\n"));
        return collapseBlankLines(root.wholeText());
    }

    private static String collapseBlankLines(String text) {
        return text.replaceAll("[ \\t\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").trim();
    }
}
