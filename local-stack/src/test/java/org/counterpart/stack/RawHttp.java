package org.counterpart.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand over a socket, for requests no HTTP client library sends: a malformed Content-Length,
 * or a body the server refuses (and closes the connection on) while it is still being sent. The body is written
 * on its own thread while the answer is read, so an early answer is seen rather than lost in a broken pipe.
 */
final class RawHttp {

    private RawHttp() {
    }

    static StackClient.Answer send(int port, String head, byte[] body) throws IOException, InterruptedException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                } catch (IOException refusedMidway) {
                    // the server answered and closed before reading it all: the answer is what counts
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            StackClient.Answer answer = read(socket.getInputStream());
            writer.join(10_000);
            return answer;
        }
    }

    private static StackClient.Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                if (headBytes.size() == 0) {
                    return new StackClient.Answer(-1, null, "(connection closed without an answer)");
                }
                break;
            }
            headBytes.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        int length = -1;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-type")) {
                contentType = value;
            } else if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            }
        }
        byte[] body;
        try {
            body = length >= 0 ? in.readNBytes(length) : new byte[0];
        } catch (IOException reset) {
            body = new byte[0];
        }
        return new StackClient.Answer(status, contentType, new String(body, StandardCharsets.UTF_8));
    }
}
