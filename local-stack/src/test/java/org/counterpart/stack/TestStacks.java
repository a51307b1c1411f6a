package org.counterpart.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Settings for a stack of its own per test class: free ports, a fresh data folder, writes behind a random key. */
final class TestStacks {

    private TestStacks() {
    }

    static StackSettings settings(String name) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path home = Files.createTempDirectory("counterpart-" + name);
        return new StackSettings(root, home, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                new StackAccess(name + "-key-" + UUID.randomUUID()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
