package org.counterpart.ingest.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    private static final String PAGE = """
            <html><head><title>News</title><script>var tracker = 1;</script><style>p{}</style></head>
            <body>
              <nav><a href="/">Home</a> &gt; <a href="/news">Hot News</a></nav>
              <header>Site banner</header>
              <div class="content">
                <p>Suzhou allocated 80 million yuan of aid funds to Tongren in 2019.</p>
                <p>The two cities signed 14&nbsp;agreements.</p>
              </div>
              <footer>Address: 1 Example Road, postcode 100000, tel 010-12345678</footer>
              <script>alert('x')</script>
            </body></html>
            """;

    @Test
    void keepsTheArticleAndDropsTheChrome() {
        String text = HtmlText.of(PAGE);
        assertTrue(text.contains("Suzhou allocated 80 million yuan of aid funds to Tongren in 2019."), text);
        assertTrue(text.contains("signed 14\u00a0agreements"), text);
        assertFalse(text.contains("tracker"), text);
        assertFalse(text.contains("alert"), text);
        assertFalse(text.contains("Hot News"), text);
        assertFalse(text.contains("postcode"), text);
        assertFalse(text.contains("Site banner"), text);
    }

    @Test
    void paragraphsStaySeparate() {
        String text = HtmlText.of("<p>First sentence.</p><p>Second sentence.</p>");
        assertTrue(text.matches("(?s)First sentence\\.\\s+Second sentence\\."), text);
    }

    @Test
    void prefersTheArticleElementWhenThereIsOne() {
        String text = HtmlText.of("<body><div>Related links: 5 stories</div><article><p>Body text.</p></article></body>");
        assertTrue(text.contains("Body text."), text);
        assertFalse(text.contains("Related links"), text);
    }
}
