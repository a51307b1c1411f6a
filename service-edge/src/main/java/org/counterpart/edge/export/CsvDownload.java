package org.counterpart.edge.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.counterpart.edge.problem.Problem;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.edge.problem.ProblemType;

/**
 * A CSV answer that a click on a link saves as a file a spreadsheet opens correctly: chosen by {@code ?format=csv}
 * (a link cannot set the Accept header) or by {@code Accept: text/csv}; sent as an attachment with a file name; and
 * starting with a UTF-8 byte order mark, without which Excel reads the file in the machine's code page and garbles
 * Chinese evidence.
 */
public final class CsvDownload {

    /** The query parameter that chooses the answer's form. */
    public static final String FORMAT = "format";
    public static final String CONTENT_TYPE = CsvRow.MEDIA_TYPE + ";charset=UTF-8";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final MediaType CSV = MediaType.valueOf(CsvRow.MEDIA_TYPE);

    private CsvDownload() {
    }

    /**
     * Whether the request asks for CSV: {@code format=csv}, or no format and an Accept header preferring
     * {@code text/csv} to JSON (a wildcard means JSON, the default).
     *
     * @throws ProblemException a 400 naming {@value #FORMAT} when it is neither json nor csv
     */
    public static boolean asked(String format, HttpHeaders headers) {
        return asked(format, headers.getAcceptableMediaTypes());
    }

    /** @param acceptable the Accept header's types, most preferred first (as {@link HttpHeaders} sorts them) */
    public static boolean asked(String format, List<MediaType> acceptable) {
        String value = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "csv":
                return true;
            case "json":
                return false;
            case "":
                break;
            default:
                throw new ProblemException(ProblemType.INVALID_QUERY,
                        "Some query parameters cannot be answered; see invalidParams.",
                        List.of(new Problem.InvalidParam(FORMAT, "use json (the default) or csv")));
        }
        for (MediaType type : acceptable) {
            if (!type.isWildcardType() && type.isCompatible(CSV)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    /** A 200 answer carrying {@code csv} as the file {@code fileName}. */
    public static Response of(String fileName, String csv) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length() + 16);
        body.writeBytes(BYTE_ORDER_MARK);
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        return Response.ok(body.toByteArray(), CONTENT_TYPE)
                .header(CONTENT_DISPOSITION, disposition(fileName))
                .build();
    }

    /**
     * {@code attachment; filename="…"} with the name in plain ASCII (other characters become {@code _}), and when
     * that lost something, RFC 6266's {@code filename*=UTF-8''…} with the name itself, which browsers prefer.
     */
    public static String disposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\'
                && c != '/' && c != ';' ? (char) c : '_'));
        String plain = "attachment; filename=\"" + ascii + "\"";
        return ascii.toString().equals(fileName) ? plain : plain + "; filename*=UTF-8''" + encoded(fileName);
    }

    /** RFC 8187's value-chars: attr-chars as they are, every other byte of the UTF-8 form as %XX. */
    private static String encoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /**
     * A file name from its parts, e.g. {@code counterpart-claims-Shenzhen-Baise-funds_cny.csv}: empty parts left out,
     * spaces and characters a file system refuses turned into {@code _}; other letters (Chinese names) are kept, and
     * {@link #disposition} gives them their ASCII stand-in.
     */
    public static String fileName(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            if (part == null || part.isBlank()) {
                continue;
            }
            if (name.length() > 0) {
                name.append('-');
            }
            part.strip().codePoints().forEach(c -> name.appendCodePoint(
                    Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' ? c : '_'));
        }
        return name + ".csv";
    }
}
