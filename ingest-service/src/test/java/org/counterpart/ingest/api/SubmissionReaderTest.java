package org.counterpart.ingest.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.edge.problem.ProblemException;
import org.counterpart.ingest.report.Submission;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubmissionReaderTest {

    private final SubmissionReader reader = new SubmissionReader(new ObjectMapper());

    private Submission json(String body) {
        return reader.read(MediaType.APPLICATION_JSON_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    private int statusOf(Runnable r) {
        return assertThrows(ProblemException.class, r::run).type().status();
    }

    @Test
    void readsAllJsonFields() {
        Submission s = json("""
                {"text":"Fujian sent 30 doctors to Ningxia.","title":"Doctors","language":"en",
                 "sourceUrl":"https://example.org/a","publishedAt":"2021-03-04T08:00:00+08:00"}""");
        assertEquals("Fujian sent 30 doctors to Ningxia.", s.text());
        assertEquals("Doctors", s.title());
        assertEquals(LocalDate.of(2021, 3, 4), s.publishedAt());
        assertEquals("application/json", s.contentType());
    }

    @Test
    void guessesTheLanguageWhenNotGiven() {
        assertEquals("zh", json("{\"text\":\"福建省向宁夏投入财政援助资金3.2亿元。\"}").language());
        assertEquals("en", json("{\"text\":\"Fujian invested 320 million yuan in Ningxia.\"}").language());
        assertNull(json("{\"text\":\"x\"}").publishedAt());
    }

    @Test
    void refusesBadInput() {
        assertEquals(400, statusOf(() -> json("{\"text\":\"   \"}")));
        assertEquals(400, statusOf(() -> json("{\"text\":")));
        assertEquals(400, statusOf(() -> json("[1,2]")));
        assertEquals(400, statusOf(() -> json("{\"text\":42}")));
        assertEquals(400, statusOf(() -> json("{\"text\":\"a\",\"publishedAt\":\"2020-13-45\"}")));
        assertEquals(400, statusOf(() -> json("{\"text\":\"a\",\"publishedAt\":\"9999-01-01\"}")));
        assertEquals(400, statusOf(() -> json("{\"text\":\"a\",\"language\":\"fr\"}")));
        assertEquals(400, statusOf(() -> reader.read(MediaType.TEXT_PLAIN_TYPE, new byte[] {(byte) 0xC3, (byte) 0x28})));
        assertEquals(415, statusOf(() -> reader.read(MediaType.APPLICATION_XML_TYPE, "<a/>".getBytes())));
        assertEquals(413, statusOf(() -> reader.read(MediaType.TEXT_PLAIN_TYPE, new byte[1024 * 1024 + 1])));
    }
}
