package org.counterpart.ingest.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;
import org.counterpart.ingest.report.HtmlText;
import org.counterpart.ingest.report.Submission;

/** Reads a posted body (JSON, plain text or HTML) into a validated {@link Submission}. */
@ApplicationScoped
public class SubmissionReader {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Set<String> LANGUAGES = Set.of("en", "zh");
    private static final LocalDate EARLIEST_PUBLICATION = LocalDate.of(1949, 10, 1);

    private final ObjectMapper json;

    public SubmissionReader(ObjectMapper json) {
        this.json = json;
    }

    public Submission read(MediaType type, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A report may be at most 1 MiB; this one is "
                    + body.length + " bytes.");
        }
        if (type == null) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send application/json, text/plain or text/html.");
        }
        String content = decode(body, charsetOf(type));
        String base = type.getType() + "/" + type.getSubtype();
        return switch (base.toLowerCase(Locale.ROOT)) {
            case "application/json" -> fromJson(content);
            case "text/plain" -> withText(content, null, null, null, null, "text/plain");
            case "text/html" -> withText(HtmlText.of(content), null, null, null, null, "text/html");
            default -> throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send application/json, text/plain or text/html, not " + base + ".");
        };
    }

    private Submission fromJson(String content) {
        JsonNode node;
        try {
            // Trailing data after the object is refused: it would otherwise be dropped without a word.
            node = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(content);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("The body must be a JSON object with a \"text\" field.");
        }
        String text = string(node, "text");
        if (text == null) {
            throw ProblemException.invalid("\"text\" is required.");
        }
        String format = string(node, "format");
        SubmittedText.refuseUnsafe("publishedAt", string(node, "publishedAt"), false);
        if ("html".equalsIgnoreCase(format)) {
            text = HtmlText.of(text);
        }
        return withText(text, string(node, "title"), string(node, "language"), string(node, "sourceUrl"),
                date(string(node, "publishedAt")), "application/json");
    }

    private Submission withText(String text, String title, String language, String sourceUrl, LocalDate publishedAt,
                                String contentType) {
        if (text == null || !SubmittedText.hasVisibleCharacter(text)) {
            throw ProblemException.invalid("The report text is empty (or only spaces and invisible characters).");
        }
        SubmittedText.refuseUnsafe("text", text, true);
        SubmittedText.refuseUnsafe("title", title, false);
        SubmittedText.refuseUnsafe("language", language, false);
        SubmittedText.refuseUnsafe("sourceUrl", sourceUrl, false);
        String lang = language == null ? LanguageGuess.of(text) : language.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw ProblemException.invalid("\"language\" must be \"en\" or \"zh\".");
        }
        return new Submission(text, blankToNull(title), lang, blankToNull(sourceUrl), publishedAt, contentType);
    }

    /** The charset the sender declared; UTF-8 when none (JSON is always UTF-8). */
    private static Charset charsetOf(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The charset " + name + " is not supported.");
        }
    }

    private static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("The body is not valid " + charset.name() + ".");
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.invalid("\"" + field + "\" must be a string.");
        }
        return value.asText();
    }

    /** An ISO date or date-time; a report cannot be published before 1949 or more than a day in the future. */
    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = value.length() <= 10 ? LocalDate.parse(value) : parseDateTime(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("\"publishedAt\" must be an ISO date (2020-05-23) or date-time.");
        }
        if (date.isBefore(EARLIEST_PUBLICATION) || date.isAfter(LocalDate.now().plusDays(1))) {
            throw ProblemException.invalid("\"publishedAt\" " + value + " is not a plausible publication date.");
        }
        return date;
    }

    private static LocalDate parseDateTime(String value) {
        try {
            return OffsetDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(value).toLocalDate();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
