package org.counterpart.facts.extraction.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.counterpart.facts.extraction.Extractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ExtractCommandTest {

    @Test
    void printsOneJsonLinePerFact(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.txt");
        Files.writeString(report, "So far, Hangzhou has allocated 350 million yuan of aid funds to Qiandongnan "
                + "and implemented 120 aid projects there.", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = new ExtractCommand(Extractor.standard()).run(
                new String[]{"--published=2020-06-01", "--language=en", report.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length, out.toString(StandardCharsets.UTF_8));
        JsonNode funds = new ObjectMapper().readTree(lines[0]);
        assertEquals(report.toString(), funds.get("file").asText());
        assertEquals("funds_cny", funds.get("metric").asText());
        assertEquals(350000000L, funds.get("value").asLong());
        assertEquals("cumulative", funds.get("basis").asText());
        assertEquals("2020-06-01", funds.get("asOf").asText());
        assertEquals("Hangzhou", funds.at("/donor/name").asText());
        assertEquals("522600", funds.at("/recipient/code").asText());
        assertEquals(0, funds.at("/evidence/start").asInt());
        assertEquals(Extractor.VERSION, funds.get("extractorVersion").asText());
        assertEquals("projects", new ObjectMapper().readTree(lines[1]).get("metric").asText());
    }

    @Test
    void badUsageIsExitStatusTwo() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        ExtractCommand command = new ExtractCommand(Extractor.standard());
        assertEquals(2, command.run(new String[]{}, ps, ps));
        assertEquals(2, command.run(new String[]{"--published=yesterday", "x.txt"}, ps, ps));
        assertEquals(1, command.run(new String[]{"/no/such/file.txt"}, ps, ps));
    }
}
