package org.chamberlain.scripting.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay for tests: the n-th connection it accepts goes to the n-th target (the last target for any
 * further ones), and what each client sent is recorded. So a test can put servers with different stream
 * features behind one address, and compare the bytes of two logins.
 *
 * <p>Threads: one accepting thread and two copying threads per connection, all started here and joined by
 * {@link #close}.
 */
final class RecordingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final List<InetSocketAddress> targets;
    private final List<ByteArrayOutputStream> fromClients = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Thread acceptor;

    RecordingProxy(List<InetSocketAddress> targets) throws IOException {
        this.targets = List.copyOf(targets);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "test-proxy-accept");
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections were accepted so far. */
    synchronized int connections() {
        return fromClients.size();
    }

    /** What the client of the {@code index}-th connection sent so far. */
    synchronized byte[] fromClient(int index) {
        ByteArrayOutputStream recorded = fromClients.get(index);
        synchronized (recorded) {
            return recorded.toByteArray();
        }
    }

    private void acceptAll() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket();
                ByteArrayOutputStream recorded = new ByteArrayOutputStream();
                synchronized (this) {
                    sockets.add(client);
                    sockets.add(server);
                    InetSocketAddress target = targets.get(Math.min(fromClients.size(), targets.size() - 1));
                    fromClients.add(recorded);
                    server.connect(target, 5000);
                    client.setTcpNoDelay(true);
                    server.setTcpNoDelay(true);
                    start(client, server, recorded);
                    start(server, client, null);
                }
            }
        } catch (IOException closed) {
            // The listener was closed by close(): no more connections.
            return;
        }
    }

    private void start(Socket from, Socket to, ByteArrayOutputStream recorded) {
        Thread copier = new Thread(() -> copy(from, to, recorded), "test-proxy-copy");
        threads.add(copier);
        copier.start();
    }

    private static void copy(Socket from, Socket to, ByteArrayOutputStream recorded) {
        byte[] buffer = new byte[16 * 1024];
        try {
            // Not closed here: closing a socket's stream closes the socket, and the other direction goes on.
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int count;
            while ((count = in.read(buffer)) > 0) {
                if (recorded != null) {
                    synchronized (recorded) {
                        recorded.write(buffer, 0, count);
                    }
                }
                out.write(buffer, 0, count);
            }
            to.shutdownOutput();
        } catch (IOException ended) {
            // One side went away (or close() closed the sockets): this direction is over.
            return;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        acceptor.join();
        List<Thread> copiers;
        synchronized (this) {
            for (Socket socket : sockets) {
                socket.close();
            }
            copiers = List.copyOf(threads);
        }
        for (Thread copier : copiers) {
            copier.join();
        }
    }
}
