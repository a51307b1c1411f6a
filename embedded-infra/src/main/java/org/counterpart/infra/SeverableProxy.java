package org.counterpart.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP link between clients and a server (PostgreSQL, in the outage tests) that a test can cut and mend. Severed,
 * it drops every open connection and stops listening, so a client sees what it sees when the server goes away:
 * its open connections fail, and new ones are refused. Restored, it listens on the same port again and forwards as
 * before; clients reconnect on their own, as they would to a server that came back.
 */
public final class SeverableProxy implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService pumps = Executors.newCachedThreadPool(daemon("severable-proxy-pump"));
    private volatile ServerSocket listener;
    private volatile boolean closed;

    private SeverableProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** Listens on a free local port and forwards every connection to {@code localhost:targetPort}. */
    public static SeverableProxy start(int targetPort) {
        try {
            ServerSocket first = listen(0);
            SeverableProxy proxy = new SeverableProxy(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), first.getLocalPort());
            proxy.accept(first);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("Proxy to port " + targetPort + " did not start", e);
        }
    }

    public int port() {
        return port;
    }

    /** Connections forwarded since the proxy started: shows that clients really went through it. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    public boolean severed() {
        return listener == null;
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    public synchronized void sever() {
        ServerSocket current = listener;
        listener = null;
        closeQuietly(current);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Listens on the same port again. */
    public synchronized void restore() {
        if (listener != null || closed) {
            return;
        }
        try {
            accept(listen(port));
        } catch (IOException e) {
            throw new IllegalStateException("Could not listen on port " + port + " again", e);
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        // The port was ours a moment ago: connections it closed may still linger in TIME_WAIT.
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        return socket;
    }

    private void accept(ServerSocket socket) {
        listener = socket;
        Thread acceptor = daemon("severable-proxy-accept-" + port).newThread(() -> {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException e) {
                    return; // severed or closed
                }
                connect(client);
            }
        });
        acceptor.start();
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        open.add(client);
        open.add(server);
        // A sever() between accept and here would miss this pair: check again now that it is registered. Java's
        // close of a listener keeps the kernel's socket until a blocked accept() returns, so a connection made just
        // after sever() can still be accepted here; it is dropped, and not counted as forwarded.
        if (listener == null) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        accepted.incrementAndGet();
        pumps.execute(() -> pump(client, server));
        pumps.execute(() -> pump(server, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // the other side went away, or the link was severed
        } catch (IOException e) {
            // likewise
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        sever();
        pumps.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all we wanted
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
