package paradigms.multiprocessing.pool;

import paradigms.common.blocking.Database;
import paradigms.common.http.SocketHttpClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What one worker keeps from one task to the next: an HTTP client (the course's
 * {@link SocketHttpClient}, with its kept-alive connection) and one JDBC connection. Both are
 * made on first use, because a worker that only sums squares should not
 * pay for them; the connection is closed when the worker stops. And the line back to the pool, for a task that
 * must ask its parent something while it runs ({@link #parent()}).
 *
 * <p>Threads: the worker runs one task at a time, each on a fresh task thread. Task threads
 * follow one another, and each starts only after the previous one has said it is done
 * (a volatile write that the worker's main thread reads before it starts the next), so the
 * fields need no lock: each task sees what the previous ones left.
 */
public final class WorkerResources implements AutoCloseable {

    /**
     * The running task's way to ask the pool something and wait for the answer: a {@code call}
     * frame out, an {@code answer} frame back (see {@link Frame}). For state that only the
     * parent holds — processes share no memory.
     */
    public interface Parent {
        /** On the task thread; blocks until the pool answers. Each question is written as text. */
        List<String> call(Object... question) throws IOException, InterruptedException;
    }

    private final Parent parent;
    private boolean httpWarm;
    private SocketHttpClient http;
    private Database database;
    private Connection connection;

    WorkerResources(Parent parent) {
        this.parent = parent;
    }

    /** The line back to the pool for the running task. */
    public Parent parent() {
        return parent;
    }

    /**
     * Set on a worker that a {@link WorkerReserve} keeps between calls ({@link WorkerReserve#KEPT}):
     * its client keeps no idle connection after a fetch, and it warms that client before it says
     * it is ready ({@link WorkerMain}).
     */
    public static final String KEPT_WORKER = "paradigms.worker.kept";

    /**
     * This worker's HTTP client, made on first use. One task at a time fetches, so one kept-alive
     * connection is all it keeps (none in a kept worker: see {@link #KEPT_WORKER}). Why this client and not the JDK's {@code HttpClient}: a worker is
     * a fresh JVM, and its first request pays for every class its client loads. This one is a
     * handful of classes on {@code java.net.Socket} (already in the JDK's class-data archive);
     * the JDK's client builds a TLS context, starts a selector thread and loads over a thousand
     * classes (compare's {@code --bench http} sets the clients side by side).
     */
    public SocketHttpClient http() {
        if (http == null) {
            http = new SocketHttpClient(Boolean.getBoolean(KEPT_WORKER) ? 0 : 1);
        }
        return http;
    }

    /**
     * Before this worker's first real request: one request to a socket of its own. In a fresh
     * JVM the first request is slow — it loads and links the HTTP classes — where the next ones
     * take milliseconds (measured on a fresh worker when this was written). Without
     * this, the first URL of every worker would spend that inside its own timeout — on a busy
     * machine, with the crawl's 700 ms timeouts, long enough to time out. The exercise's server
     * never sees the warm-up; the task's span includes it, so the cost is not hidden.
     */
    public void warmUpHttpOnce() {
        if (httpWarm) {
            return;
        }
        httpWarm = true;
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = Thread.ofPlatform().daemon().name("http-warm-up").start(() -> answerOnce(listener));
            http().download(URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/warm-up"), Duration.ofSeconds(10));
            answer.join();
        } catch (IOException | InterruptedException e) {
            System.err.println("HTTP warm-up failed (harmless, the first request will be slower): " + e);
        }
    }

    private static void answerOnce(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            var request = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            while ((line = request.readLine()) != null && !line.isEmpty()) {
                // skip the request line and headers
            }
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the client gave up; warm-up is best effort
        }
    }

    /**
     * This worker's one connection to {@code target}: opened on the first query, reused by
     * the next ones, so that a pool of N workers uses N connections — one per process, like a
     * connection per thread in the threading chapter.
     */
    public Connection connection(Database target) throws SQLException {
        if (connection != null && !target.equals(database)) {
            connection.close(); // another database: never the case in the exercises, but correct
            connection = null;
        }
        if (connection == null) {
            connection = target.connect();
            database = target;
        }
        return connection;
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                System.err.println("closing the database connection failed: " + e);
            }
        }
    }
}
