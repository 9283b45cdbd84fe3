package paradigms.common.http;

import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * A raw server for the client's tests: each accepted connection is handed to a script that
 * reads requests and writes whatever bytes it likes — chunked bodies, bodies that end with the
 * close, a close while idle — the answers {@code LocalWebServer} never gives.
 *
 * <p>Threads: one virtual thread accepts, one virtual thread per connection runs the script.
 * An unexpected exception in a script is kept and rethrown by {@link #close()}, so it reaches
 * the test; an {@link IOException} is the client going away, which scripts may cause on purpose.
 */
final class CannedServer implements AutoCloseable {

    /** What to do with one connection; {@code index} counts connections from 0. */
    @FunctionalInterface
    interface Script {
        void serve(int index, Socket socket, InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket listener;
    private final Script script;
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    CannedServer(Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("canned-accept").start(this::acceptLoop);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    /** Connections accepted so far. */
    int connections() {
        return accepted.get();
    }

    /** Request heads read by {@link #readRequest} so far. */
    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                int index = accepted.getAndIncrement();
                sockets.add(socket);
                handlers.add(Thread.ofVirtual().name("canned-" + index).start(() -> serve(index, socket)));
            } catch (IOException closing) {
                return;
            }
        }
    }

    private void serve(int index, Socket socket) {
        try (socket) {
            script.serve(index, socket, socket.getInputStream(), socket.getOutputStream());
        } catch (IOException clientWentAway) {
            // expected in scripts that close or reset
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Reads one request head; its first line, or null if the client closed first. */
    String readRequest(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                requests.incrementAndGet();
                return text.substring(0, text.indexOf("\r\n"));
            }
        }
        return null;
    }

    static void write(OutputStream out, String ascii) throws IOException {
        out.write(ascii.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws Exception {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        acceptor.join();
        for (Thread handler : handlers) {
            handler.join();
        }
        if (failure.get() instanceof Throwable e) {
            throw new AssertionError("a canned-server script failed", e);
        }
    }
}
