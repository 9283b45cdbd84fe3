package paradigms.callbacks.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test server that answers with exact bytes, for what the course's {@code LocalWebServer}
 * never sends: chunked bodies, a body cut short, a kept-alive connection closed between two
 * requests. Answer {@code i} of each connection is {@code answers.get(i)}; after the last one
 * the server closes that connection (so a client that reuses it finds it dead).
 *
 * <p>One virtual thread accepts, one per connection answers; {@link #close()} ends them all.
 */
final class CannedServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<String> answers;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    CannedServer(List<String> answers) throws IOException {
        this.answers = List.copyOf(answers);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    int connections() {
        return connections.get();
    }

    int requests() {
        return requests.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closing) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (String answer : answers) {
                if (!skipRequestHead(in)) {
                    return;
                }
                requests.incrementAndGet();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** Reads up to the blank line ending a request's head; false at end of stream. */
    private static boolean skipRequestHead(InputStream in) throws IOException {
        int matched = 0; // how much of "\r\n\r\n" has been seen
        for (int b; (b = in.read()) != -1; ) {
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        acceptor.join();
    }
}
