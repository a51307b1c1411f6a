package org.counterpart.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker's data directories are deleted when it is closed, never by a JVM shutdown hook of their own: such a
 * hook runs alongside the one that stops the broker, which then takes the vanished directory for a failed disk and
 * halts the JVM with status 1 (a test run whose tests all passed failed at exit that way).
 */
class EmbeddedKafkaTest {

    @AfterEach
    void resetHooks() {
        Exit.resetShutdownHookAdder();
    }

    @Test
    void dataDirectoriesGoAtCloseAndNoDeletingHookReachesTheJvm() {
        List<String> hooksSeenByJvm = new ArrayList<>();
        Exit.setShutdownHookAdder((name, hook) -> hooksSeenByJvm.add(name));

        Path data;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(1)) {
            data = kafka.dataDirectory();
            assertTrue(Files.isDirectory(data), "broker data directory exists while it runs");
        }

        assertEquals(List.of(), hooksSeenByJvm);
        assertFalse(Files.exists(data), "data directory deleted by close(): " + data);
    }
}
