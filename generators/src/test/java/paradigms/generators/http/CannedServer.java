package paradigms.generators.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: answers every request with the same canned bytes, for framings the course's
 * web server never sends (chunked, body until close). Reads a request head, writes the
 * answer, then closes the connection if told to, else reads the next request. One virtual
 * thread per connection; everything is closed by {@link #close()}.
 */
final class CannedServer implements AutoCloseable {

    private final ServerSocket listener;
    private final byte[] answer;
    private final boolean closeAfterAnswer;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    CannedServer(String answer, boolean closeAfterAnswer) throws IOException {
        this.answer = answer.getBytes(StandardCharsets.ISO_8859_1);
        this.closeAfterAnswer = closeAfterAnswer;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("canned-accept").start(this::accept);
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
        try {
            while (true) {
                Socket socket = listener.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                Thread.ofVirtual().name("canned-connection").start(() -> serve(socket));
            }
        } catch (IOException closed) {
            // close() closed the listener
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (readRequestHead(in)) {
                requests.incrementAndGet();
                out.write(answer);
                out.flush();
                if (closeAfterAnswer) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the client went away
        } finally {
            sockets.remove(socket);
        }
    }

    /** Reads up to the blank line; false at end of stream. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int matched = 0; // of "\r\n\r\n"
        int b;
        while ((b = in.read()) != -1) {
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
