package paradigms.callbacks.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test server that answers with exact bytes, for what the course's {@code LocalWebServer}
 * never sends: chunked bodies, a body cut short, a kept-alive connection closed between two
 * requests. Answer {@code i} of each connection is {@code answers.get(i)}; after the last one
 * the server closes that connection (so a client that reuses it finds it dead).
 * {@link #withTinyReceiveBuffer} makes a server that takes a request in small sips, for a
 * client whose request cannot fit in the socket buffers at once.
 *
 * <p>One virtual thread accepts, one per connection answers; {@link #close()} ends them all.
 */
final class CannedServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<String> answers;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Integer> requestHeadLengths = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    CannedServer(List<String> answers) throws IOException {
        this(answers, 0);
    }

    /** A server whose connections have a receive buffer of a few KiB: the kernel holds little of a request at a time. */
    static CannedServer withTinyReceiveBuffer(List<String> answers) throws IOException {
        return new CannedServer(answers, 4_096);
    }

    /** @param receiveBufferBytes the accepted sockets' SO_RCVBUF, or 0 for the system's default */
    private CannedServer(List<String> answers, int receiveBufferBytes) throws IOException {
        this.answers = List.copyOf(answers);
        this.listener = new ServerSocket();
        if (receiveBufferBytes > 0) {
            listener.setReceiveBufferSize(receiveBufferBytes); // before bind, so that accepted sockets inherit it
        }
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
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

    /** The length in bytes of every request head received, blank line included, in arrival order. */
    List<Integer> requestHeadLengths() {
        return List.copyOf(requestHeadLengths);
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
            InputStream in = new BufferedInputStream(socket.getInputStream()); // the head is read a byte at a time
            OutputStream out = socket.getOutputStream();
            for (String answer : answers) {
                int headLength = skipRequestHead(in);
                if (headLength < 0) {
                    return;
                }
                requestHeadLengths.add(headLength);
                requests.incrementAndGet();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** Reads up to the blank line ending a request's head; its length in bytes, or -1 at end of stream. */
    private static int skipRequestHead(InputStream in) throws IOException {
        int matched = 0; // how much of "\r\n\r\n" has been seen
        int length = 0;
        for (int b; (b = in.read()) != -1; ) {
            length++;
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (matched == 4) {
                return length;
            }
        }
        return -1;
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
