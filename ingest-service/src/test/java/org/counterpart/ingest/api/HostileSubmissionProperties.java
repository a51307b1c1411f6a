package org.counterpart.ingest.api;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.ingest.report.HtmlText;
import org.counterpart.ingest.report.Submission;
import org.counterpart.ingest.report.TextFingerprint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever bytes arrive, the reader either yields a submission with real text or refuses with a 4xx problem:
 * never another exception (which would be a 500), never an empty report.
 */
class HostileSubmissionProperties {

    private final SubmissionReader reader = new SubmissionReader(new ObjectMapper());

    private void readerHoldsItsPromise(MediaType type, byte[] body) {
        try {
            Submission submission = reader.read(type, body);
            assertFalse(submission.text().isBlank(), "an accepted report has text");
            assertFalse(submission.text().indexOf('\u0000') >= 0, "no NUL characters get through");
            assertTrue(submission.language().equals("en") || submission.language().equals("zh"));
            TextFingerprint.of(submission.text());
        } catch (ProblemException problem) {
            assertTrue(problem.type().status() >= 400 && problem.type().status() < 500, "status " + problem.type().status());
        }
    }

    @Property(tries = 300)
    void anyBytesAsPlainText(@ForAll @Size(max = 4096) byte[] body) {
        readerHoldsItsPromise(MediaType.TEXT_PLAIN_TYPE, body);
    }

    @Property(tries = 300)
    void anyBytesAsJson(@ForAll @Size(max = 4096) byte[] body) {
        readerHoldsItsPromise(MediaType.APPLICATION_JSON_TYPE, body);
    }

    @Property(tries = 300)
    void anyBytesAsHtml(@ForAll @Size(max = 4096) byte[] body) {
        readerHoldsItsPromise(MediaType.TEXT_HTML_TYPE, body);
    }

    @Property(tries = 500)
    void jsonOfHostileFieldValues(@ForAll("hostile") String text, @ForAll("hostile") String title,
                                  @ForAll("dates") String publishedAt, @ForAll("languages") String language) {
        ObjectMapper json = new ObjectMapper();
        var node = json.createObjectNode().put("text", text).put("title", title).put("publishedAt", publishedAt);
        if (language != null) {
            node.put("language", language);
        }
        readerHoldsItsPromise(MediaType.APPLICATION_JSON_TYPE, node.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void htmlReductionNeverFails(@ForAll("hostile") String fragment) {
        HtmlText.of("<html><body><p>" + fragment + "</p><script>" + fragment + "</script></body></html>");
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars(" \t\n\u00a0\u3000").ofMaxLength(50),
                Arbitraries.of("'; DROP TABLE report; --", "<script>alert(1)</script>", "${jndi:ldap://x}",
                        "\u0000", "\uD800", "Robert'); --", "%00%0d%0a", "../../etc/passwd",
                        "援助资金\u202e1000万元"),
                Arbitraries.integers().between(0, 99_999_999).list().ofMaxSize(2000)
                        .map(numbers -> String.join(" ", numbers.stream().map(String::valueOf).toList())));
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("2020-02-30", "0000-01-01", "-999999999-01-01", "+999999999-12-31", "2020-05-23",
                        "2020-05-23T10:00:00+08:00", "2020-05-23T25:61:00", "1949-09-30", "9999-12-31T23:59:59Z"));
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.oneOf(Arbitraries.of("en", "zh", "EN", "fr", "", " ", "zh-CN"),
                Arbitraries.strings().ofMaxLength(5)).injectNull(0.2);
    }
}
