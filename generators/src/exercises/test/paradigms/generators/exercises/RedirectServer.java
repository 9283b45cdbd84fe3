package paradigms.generators.exercises;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server for the redirect exercise: one request per connection, answered and
 * closed. Routes: {@code /chain/N} redirects (302) to {@code /chain/N-1} and {@code /chain/0}
 * answers 200 "end"; {@code /rel/x} redirects (301) to the relative {@code ../chain/1};
 * {@code /loop/a} and {@code /loop/b} redirect (302) to each other, relatively;
 * {@code /see-other} answers 303 to {@code /chain/0}; {@code /no-location} answers 302 with no
 * {@code Location}; anything else 404. Threads: a virtual thread accepts, one per connection
 * answers; the counters are thread-safe.
 */
final class RedirectServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    RedirectServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().name("redirect-server-accept").start(this::acceptAll);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Failures of the server's own threads: a test asserts this is empty. */
    List<Throwable> failures() {
        return failures;
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().name("redirect-server-answer").start(() -> answer(connection));
            } catch (IOException closed) {
                return; // close() ends the loop
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            var in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                // headers are read and ignored: the routes depend on the path only
            }
            String path = requestLine.split(" ")[1];
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            respond(connection.getOutputStream(), path);
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
    }

    private static void respond(OutputStream out, String path) throws IOException {
        if (path.startsWith("/chain/")) {
            int n = Integer.parseInt(path.substring("/chain/".length()));
            if (n == 0) {
                write(out, 200, null, "end");
            } else {
                write(out, 302, "/chain/" + (n - 1), "on");
            }
        } else {
            switch (path) {
                case "/rel/x" -> write(out, 301, "../chain/1", "moved");
                case "/loop/a" -> write(out, 302, "b", "to b");
                case "/loop/b" -> write(out, 302, "a", "to a");
                case "/see-other" -> write(out, 303, "/chain/0", "see other");
                case "/no-location" -> write(out, 302, null, "nowhere");
                default -> write(out, 404, null, "not found");
            }
        }
    }

    private static void write(OutputStream out, int status, String location, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        String head = "HTTP/1.1 " + status + " X\r\n"
                + (location == null ? "" : "Location: " + location + "\r\n")
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
