package org.counterpart.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TextFingerprintTest {

    @Test
    void layoutDoesNotChangeIdentity() {
        String a = "Hangzhou sent 12 million yuan\u00a0to Qiandongnan.\n\nIt also trained 300 teachers.";
        String b = "  Hangzhou sent 12 million yuan to Qiandongnan. It also trained   300 teachers. ";
        assertEquals(TextFingerprint.of(a), TextFingerprint.of(b));
    }

    @Test
    void fullWidthFormsFoldToTheirPlainForm() {
        assertEquals(TextFingerprint.of("援助资金１２３万元"), TextFingerprint.of("援助资金123万元"));
    }

    @Test
    void differentWordsAreDifferentReports() {
        assertNotEquals(TextFingerprint.of("Ningbo helped Qianxinan."), TextFingerprint.of("Ningbo helped Qiannan."));
    }
}
