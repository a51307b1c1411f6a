package org.counterpart.ingest.api;

import org.counterpart.edge.problem.ProblemException;

/**
 * What a submitted string may hold. Control characters end up in stored text, log lines and identifiers, and a NUL
 * cannot even be stored; a lone surrogate (possible through a JSON escape) is not text at all, and replacing it
 * would make different submissions identical. A text made only of spaces and invisible characters (no-break and
 * zero-width spaces, format marks) is empty, however long.
 */
final class SubmittedText {

    private SubmittedText() {
    }

    static void refuseUnsafe(String field, String value, boolean multiline) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw ProblemException.invalid("\"" + field + "\" holds a lone surrogate at " + i + "; it is not text.");
            }
            if (Character.isLowSurrogate(c)) {
                throw ProblemException.invalid("\"" + field + "\" holds a lone surrogate at " + i + "; it is not text.");
            }
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (!allowedBreak && (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))) {
                throw ProblemException.invalid("\"" + field + "\" holds the control character U+"
                        + String.format("%04X", (int) c) + " at " + i + ".");
            }
        }
    }

    static boolean hasVisibleCharacter(String text) {
        return text.codePoints().anyMatch(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && Character.getType(cp) != Character.FORMAT && Character.getType(cp) != Character.CONTROL);
    }
}
