package org.counterpart.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What each case of a test class expected and what the running system answered, printed and written as a
 * Markdown table when the class is done, so that a review can quote the outcomes rather than re-run them. Cases
 * that failed or were not run are in the table too, with the reason.
 */
final class CaseTable implements BeforeEachCallback, TestWatcher, AfterAllCallback {

    private record Row(String kase, String expected, String observed) {
    }

    private final String title;
    private final Path file;
    /** Rows by test (unique id), in the order the tests ran. */
    private final Map<String, List<Row>> rows = new LinkedHashMap<>();
    private final Map<String, String> verdicts = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private volatile String current;

    CaseTable(String title, Path file) {
        this.title = title;
        this.file = file;
    }

    /** Records one outcome of the running test. */
    synchronized void row(String kase, String expected, String observed) {
        rows.computeIfAbsent(current == null ? "(outside a test)" : current, id -> new ArrayList<>())
                .add(new Row(kase, expected, observed));
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        current = context.getUniqueId();
        names.put(current, context.getDisplayName());
    }

    @Override
    public synchronized void testSuccessful(ExtensionContext context) {
        verdicts.put(context.getUniqueId(), "pass");
    }

    @Override
    public synchronized void testFailed(ExtensionContext context, Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        verdicts.put(context.getUniqueId(), "**FAILED**: " + (message.length() > 300
                ? message.substring(0, 300) + "..." : message));
    }

    @Override
    public synchronized void testAborted(ExtensionContext context, Throwable cause) {
        verdicts.put(context.getUniqueId(), "aborted: " + cause.getMessage());
    }

    @Override
    public synchronized void testDisabled(ExtensionContext context, Optional<String> reason) {
        String id = context.getUniqueId();
        names.put(id, context.getDisplayName());
        rows.computeIfAbsent(id, k -> new ArrayList<>())
                .add(new Row(context.getDisplayName(), "see case", "not run"));
        verdicts.put(id, "@Disabled: " + reason.orElse("no reason given"));
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws IOException {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n")
                .append("| case | expected | observed | verdict |\n|---|---|---|---|\n");
        for (Map.Entry<String, String> test : names.entrySet()) {
            String verdict = verdicts.getOrDefault(test.getKey(), "?");
            List<Row> recorded = rows.getOrDefault(test.getKey(), List.of());
            if (recorded.isEmpty()) {
                recorded = List.of(new Row(test.getValue(), "see case", "nothing recorded"));
            }
            for (int i = 0; i < recorded.size(); i++) {
                Row row = recorded.get(i);
                // A test's failure is said once, on its last row; the rows before it are part of the same test.
                String shown = i == recorded.size() - 1 || verdict.equals("pass") ? verdict : "(same test, below)";
                md.append("| ").append(cell(row.kase())).append(" | ").append(cell(row.expected())).append(" | ")
                        .append(cell(row.observed())).append(" | ").append(cell(shown)).append(" |\n");
            }
        }
        System.out.println(md);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("\u0000", "\\u0000");
    }
}
