package org.counterpart.edge.export;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One RFC 4180 CSV row. Cells are quoted when needed; a cell that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, since report text is untrusted.
 */
public final class CsvRow {

    public static final String MEDIA_TYPE = "text/csv";

    private CsvRow() {
    }

    /** The cells, joined and ended by CRLF. */
    public static String of(Object... cells) {
        return Arrays.stream(cells).map(CsvRow::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = Objects.toString(value);
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
