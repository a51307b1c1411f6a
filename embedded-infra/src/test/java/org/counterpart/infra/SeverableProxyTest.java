package org.counterpart.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link behaves like a server that goes away and comes back: open connections die, new ones are refused. */
class SeverableProxyTest {

    private ServerSocket echo;
    private SeverableProxy proxy;

    @BeforeEach
    void startEchoServerBehindProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread pump = new Thread(() -> {
                        try (client; InputStream in = client.getInputStream();
                             OutputStream out = client.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException ignored) {
                            // the client went away
                        }
                    });
                    pump.setDaemon(true);
                    pump.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = SeverableProxy.start(echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket socket = connect()) {
            assertEquals("ping", roundTrip(socket, "ping"));
        }
        assertEquals(1, proxy.connectionsAccepted());
    }

    @Test
    void severingDropsOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
        Socket before = connect();
        assertEquals("one", roundTrip(before, "one"));

        proxy.sever();

        assertTrue(proxy.severed());
        before.setSoTimeout(5_000);
        // The dropped connection reads end-of-stream (or a reset), never an answer.
        assertThrows(IOException.class, () -> {
            int read = roundTripByte(before);
            if (read < 0) {
                throw new IOException("closed");
            }
        });
        before.close();
        assertRefused();

        proxy.restore();

        try (Socket after = connect()) {
            assertEquals("two", roundTrip(after, "two"));
        }
    }

    /**
     * A new connection must not reach the server. The port came from the ephemeral range, so once nobody listens on
     * it the kernel may hand the same number to our own client as its source port (a TCP self-connect), or another
     * process may bind it: either way the connect succeeds without the proxy. What the proxy owes is that it
     * accepted nothing, so that is what is checked when the connect is not refused.
     */
    private void assertRefused() throws IOException {
        int acceptedBefore = proxy.connectionsAccepted();
        try (Socket socket = connect()) {
            if (socket.getLocalPort() == socket.getPort()) {
                return; // connected to itself: nothing listened
            }
            try {
                roundTrip(socket, "three"); // a forwarding proxy counts the connection before it answers
            } catch (IOException notAnswered) {
                // whoever took the port does not echo
            }
            assertEquals(acceptedBefore, proxy.connectionsAccepted(), "a severed proxy forwarded a new connection");
        } catch (ConnectException refused) {
            // what a client normally sees
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(sent);
        socket.getOutputStream().flush();
        byte[] received = socket.getInputStream().readNBytes(sent.length);
        return new String(received, StandardCharsets.UTF_8);
    }

    private static int roundTripByte(Socket socket) throws IOException {
        socket.getOutputStream().write('x');
        socket.getOutputStream().flush();
        return socket.getInputStream().read();
    }
}
