package paradigms.common.server;

import paradigms.common.http.SentAt;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web server every I/O exercise talks to: HTTP/1.1 on 127.0.0.1, an ephemeral port.
 *
 * <p><b>Why hand-written and not the JDK's {@code HttpServer}:</b> the tests need to count
 * connections and to <em>reset</em> one (an RST, not a polite close), and {@code HttpServer}
 * gives no access to its sockets. What is here is small: GET only, {@code Content-Length}
 * bodies, keep-alive. It is a fixture, not one of the course's lessons.
 *
 * <p><b>Threads:</b> one virtual thread accepts; one virtual thread per connection reads a
 * request, waits out the latency ({@code Thread.sleep} parks the virtual thread, so 1,000
 * slow requests cost 1,000 parked virtual threads and no platform thread), writes the answer,
 * and reads the next request on the same connection. The counters are atomics, read by
 * test threads at any time.
 *
 * <p><b>When an answer was sent.</b> Every answer carries {@link SentAt#HEADER}: the server's
 * {@link System#nanoTime()} just before the answer is written and flushed. A client in this
 * process or in a child JVM on the same machine subtracts it from its own {@code nanoTime()}
 * when the waiting task runs again: the task's resume latency (see {@link SentAt} for why the
 * two clocks are one).
 *
 * <p><b>Routes</b> ({@code ?delay=MS} on any of them replaces the server's latency):
 * <ul>
 *   <li>{@code /data/ID?size=N} — 200 with N deterministic bytes (default 2,048); see {@link #dataBody};</li>
 *   <li>{@code /slow/ID?size=N&pieces=K&pause=MS} — the same body, written in K pieces with a pause between;</li>
 *   <li>{@code /status/CODE} — that status, with a short body;</li>
 *   <li>{@code /reset} — the answer starts (headers and half the body), then the connection is
 *       reset (RST). Why mid-answer: a reset before the first byte, on a kept-alive connection,
 *       looks exactly like an idle connection the server had closed, and HTTP clients rightly
 *       send an idempotent GET again on a new connection (the JDK's client does) — the URL
 *       would be fetched twice. Once bytes of the answer have arrived, no client may retry;</li>
 *   <li>{@code /hang} — never answered, until the client or the server closes the connection;</li>
 *   <li>{@code /site/…} — the generated {@link Site}, if the server has one (its fault pages
 *       answer 500, reset or hang like the routes above);</li>
 *   <li>{@code /endless/N} — a site without end: page N links to N + 1, 2N + 2 and 0, so a
 *       crawl only stops at its page limit; other paths — 404.</li>
 * </ul>
 */
public final class LocalWebServer implements AutoCloseable {

    public static final int DEFAULT_SIZE = 2_048;

    private final ServerSocket listener;
    private final Duration latency;
    private final Duration jitter;
    private final long jitterSeed;
    private final Site site;
    private final Thread acceptor;

    // Connections still open, so that close() can close them and end their threads.
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();

    // Counters: written by connection threads, read by tests.
    private final Map<String, AtomicInteger> requestsByTarget = new ConcurrentHashMap<>();
    private final AtomicLong totalRequests = new AtomicLong();
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private volatile boolean closed;

    private LocalWebServer(Builder builder) throws IOException {
        this.latency = builder.latency;
        this.jitter = builder.jitter;
        this.jitterSeed = builder.jitterSeed;
        this.site = builder.site;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), builder.backlog);
        this.acceptor = Thread.ofVirtual().name("web-server-accept").start(this::acceptLoop);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server with no latency and no site. */
    public static LocalWebServer start() throws IOException {
        return builder().start();
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private Duration latency = Duration.ZERO;
        private Duration jitter = Duration.ZERO;
        private long jitterSeed;
        private Site site;
        private int backlog = 4_096;

        /** Every answer waits this long first (unless the request says {@code ?delay=}). */
        public Builder latency(Duration latency) {
            this.latency = requireNotNegative("latency", latency);
            return this;
        }

        /**
         * Adds up to {@code jitter} to each answer's latency; how much depends only on the seed
         * and the request's target, so a run can be repeated exactly.
         */
        public Builder jitter(Duration jitter, long seed) {
            this.jitter = requireNotNegative("jitter", jitter);
            this.jitterSeed = seed;
            return this;
        }

        public Builder site(Site site) {
            this.site = site;
            return this;
        }

        /** Pending connections the kernel may queue before accept: large, so bursts are not refused. */
        public Builder backlog(int backlog) {
            if (backlog <= 0) {
                throw new IllegalArgumentException("backlog must be positive, was " + backlog);
            }
            this.backlog = backlog;
            return this;
        }

        public LocalWebServer start() throws IOException {
            return new LocalWebServer(this);
        }

        private static Duration requireNotNegative(String field, Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(field + " must be zero or positive, was " + value);
            }
            return value;
        }
    }

    // ---------------------------------------------------------------- addresses

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code pathAndQuery} (which starts with "/"). */
    public URI url(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("pathAndQuery must start with \"/\", was \"" + pathAndQuery + "\"");
        }
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    public URI siteRoot() {
        if (site == null) {
            throw new IllegalStateException("this server was started without a site");
        }
        return url(Site.ROOT);
    }

    public Optional<Site> site() {
        return Optional.ofNullable(site);
    }

    // ---------------------------------------------------------------- counters

    /** How many requests named this URL's path and query. */
    public int requests(URI url) {
        AtomicInteger count = requestsByTarget.get(target(url));
        return count == null ? 0 : count.get();
    }

    /** Requests per target (path and query) since start or the last {@link #resetCounters()}. */
    public Map<String, Integer> requestsByTarget() {
        var copy = new HashMap<String, Integer>();
        requestsByTarget.forEach((target, count) -> copy.put(target, count.get()));
        return copy;
    }

    public long totalRequests() {
        return totalRequests.get();
    }

    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    /** Connections open right now, as the server sees them. */
    public int connectionsOpen() {
        return openSockets.size();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests that were being answered at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void resetCounters() {
        requestsByTarget.clear();
        totalRequests.set(0);
        connectionsOpened.set(0);
        maxInFlight.set(inFlight.get());
    }

    // ---------------------------------------------------------------- bodies

    /** The body {@code /data/ID?size=N} and {@code /slow/ID?size=N} answer with. */
    public static byte[] dataBody(String id, int size) {
        byte[] body = new byte[size];
        new SplittableRandom(id.hashCode() * 31L + size).nextBytes(body);
        return body;
    }

    /** The body a {@code /data/} or {@code /slow/} URL answers with, to check a download against. */
    public static byte[] expectedBody(URI url) {
        Request parsed = Request.parse("GET " + target(url) + " HTTP/1.1");
        String[] parts = parsed.path().split("/");
        if (parts.length != 3 || !(parts[1].equals("data") || parts[1].equals("slow"))) {
            throw new IllegalArgumentException("not a /data/ or /slow/ URL: " + url);
        }
        return dataBody(parts[2], parsed.intParam("size", DEFAULT_SIZE));
    }

    // ---------------------------------------------------------------- serving

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                connectionsOpened.incrementAndGet();
                openSockets.add(socket);
                Thread handler = Thread.ofVirtual().name("web-server-connection").unstarted(() -> serve(socket));
                connectionThreads.add(handler);
                handler.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("web server: accept failed: " + e);
                }
            }
        }
    }

    /** Runs on the connection's own virtual thread: requests one after another (keep-alive). */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (!closed) {
                String requestLine = readLine(in);
                if (requestLine == null) {
                    return; // the client closed the connection
                }
                boolean keepAlive = readHeaders(in, requestLine);
                Request request = Request.parse(requestLine);
                count(request);
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    if (!answer(request, socket, in, out)) {
                        return;
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
                if (!keepAlive) {
                    return;
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // The client went away, the connection was reset, or the server is closing:
            // nothing to answer any more. A malformed request ends the connection too.
        } finally {
            openSockets.remove(socket);
            connectionThreads.remove(Thread.currentThread());
        }
    }

    private void count(Request request) {
        totalRequests.incrementAndGet();
        requestsByTarget.computeIfAbsent(request.target(), t -> new AtomicInteger()).incrementAndGet();
    }

    /** Answers one request; false when the connection must end (reset, hang). */
    private boolean answer(Request request, Socket socket, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        String[] parts = request.path().split("/");
        String route = parts.length > 1 ? parts[1] : "";
        if (!request.method().equals("GET")) {
            respond(out, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.US_ASCII));
            return true;
        }
        switch (route) {
            case "reset" -> {
                resetMidAnswer(socket, out);
                return false;
            }
            case "hang" -> {
                hang(in);
                return false;
            }
            default -> {
            }
        }
        if (!waitUnlessClientLeaves(socket, in, delayFor(request, route))) {
            return false; // the client hung up while we were waiting: nothing to answer
        }
        switch (route) {
            case "data" -> respond(out, 200, "application/octet-stream",
                    dataBody(parts.length > 2 ? parts[2] : "", request.intParam("size", DEFAULT_SIZE)));
            case "slow" -> writeSlowly(out, dataBody(parts.length > 2 ? parts[2] : "", request.intParam("size", DEFAULT_SIZE)),
                    request.intParam("pieces", 4), Duration.ofMillis(request.intParam("pause", 50)));
            case "status" -> {
                int status = parts.length > 2 ? parseStatus(parts[2]) : 400;
                respond(out, status, "text/plain", ("status " + status + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            case "site" -> {
                return answerSite(request, socket, in, out);
            }
            case "endless" -> respond(out, 200, "text/html; charset=utf-8", endlessPage(parts.length > 2 ? parts[2] : ""));
            default -> respond(out, 404, "text/plain", "not found\n".getBytes(StandardCharsets.US_ASCII));
        }
        return true;
    }

    /**
     * Waits out a latency, but notices when the client hangs up meanwhile — a cancelled request
     * must not stay "in flight" at the server for the rest of its delay, or a test could not
     * tell a leaked connection from a closed one. Reads with a timeout: -1 means the client
     * closed; a byte means it sent the next request early (pipelining), which is kept for later.
     *
     * @return false if the client closed the connection
     */
    private static boolean waitUnlessClientLeaves(Socket socket, InputStream in, Duration delay)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            if (in.available() > 0) {
                Thread.sleep(Duration.ofNanos(remaining)); // a pipelined request: just wait
                return true;
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
            try {
                in.mark(1);
                int next = in.read();
                if (next == -1) {
                    return false;
                }
                in.reset();
            } catch (SocketTimeoutException waitedLongEnough) {
                // the usual case: the delay passed with the client still there
            } finally {
                socket.setSoTimeout(0);
            }
        }
        return true;
    }

    private boolean answerSite(Request request, Socket socket, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        Site.Resource resource = site == null ? new Site.Missing() : site.resource(request.path()).orElse(new Site.Missing());
        switch (resource) {
            case Site.Html html -> {
                if (!waitUnlessClientLeaves(socket, in, html.extraDelay())) {
                    return false;
                }
                respond(out, 200, "text/html; charset=utf-8", html.body().getBytes(StandardCharsets.UTF_8));
            }
            case Site.Fault fault -> {
                return switch (fault.kind()) {
                    case SERVER_ERROR -> {
                        respond(out, 500, "text/plain", "broken\n".getBytes(StandardCharsets.US_ASCII));
                        yield true;
                    }
                    case RESET -> {
                        resetMidAnswer(socket, out);
                        yield false;
                    }
                    case HANG -> {
                        hang(in);
                        yield false;
                    }
                    case STALL -> {
                        byte[] body = "<!doctype html>\n<html><body><a href=\"/site/page/0\">home</a></body></html>\n"
                                .getBytes(StandardCharsets.UTF_8);
                        writeHead(out, 200, "text/html; charset=utf-8", body.length, "");
                        out.write(body, 0, body.length / 2);
                        out.flush();
                        hang(in); // the rest never comes; the client's timeout must end it
                        yield false;
                    }
                };
            }
            case Site.Moved moved -> {
                byte[] body = ("moved to " + moved.location() + "\n").getBytes(StandardCharsets.US_ASCII);
                writeHead(out, moved.status(), "text/plain", body.length, "Location: " + moved.location() + "\r\n");
                out.write(body);
                out.flush();
            }
            case Site.Missing missing -> respond(out, 404, "text/plain", "not found\n".getBytes(StandardCharsets.US_ASCII));
        }
        return true;
    }

    private static void resetMidAnswer(Socket socket, OutputStream out) throws IOException {
        byte[] body = dataBody("reset", DEFAULT_SIZE);
        writeHead(out, 200, "application/octet-stream", body.length, "");
        out.write(body, 0, body.length / 2);
        out.flush();
        socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
    }

    /** Waits until the client gives up (read returns -1) or the server closes the socket. */
    private static void hang(InputStream in) throws IOException {
        while (in.read() != -1) {
            // discard whatever the client sends
        }
    }

    private Duration delayFor(Request request, String route) {
        int explicit = request.intParam("delay", -1);
        if (explicit >= 0) {
            return Duration.ofMillis(explicit);
        }
        return latencyFor(request.target());
    }

    /** The latency plus this target's jitter: the same for the same seed and target, on any server. */
    Duration latencyFor(String target) {
        if (jitter.isZero()) {
            return latency;
        }
        long extra = new SplittableRandom(jitterSeed ^ target.hashCode()).nextLong(jitter.toNanos() + 1);
        return latency.plusNanos(extra);
    }

    /**
     * Page N of a site without end: it links to N + 1 and 2N + 2, which do not exist before they
     * are asked for, and back to page 0. Every page is new, so only a page limit ends a crawl.
     */
    private static byte[] endlessPage(String number) {
        long page;
        try {
            page = Long.parseLong(number);
        } catch (NumberFormatException e) {
            page = 0;
        }
        // 2N + 2 would overflow after about 60 doublings; past that, "further" is just N + 2.
        String body = "<!doctype html>\n<html><body><h1>Page " + page + "</h1>\n"
                + "<a href=\"/endless/" + (page + 1) + "\">next</a>\n"
                + "<a href=\"/endless/" + (page < 1L << 60 ? 2 * page + 2 : page + 2) + "\">further</a>\n"
                + "<a href=\"/endless/0\">first</a>\n</body></html>\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static int parseStatus(String text) {
        try {
            int status = Integer.parseInt(text);
            return status >= 100 && status <= 599 ? status : 400;
        } catch (NumberFormatException e) {
            return 400;
        }
    }

    private static void respond(OutputStream out, int status, String contentType, byte[] body) throws IOException {
        writeHead(out, status, contentType, body.length, "");
        out.write(body);
        out.flush();
    }

    private static void writeSlowly(OutputStream out, byte[] body, int pieces, Duration pause)
            throws IOException, InterruptedException {
        writeHead(out, 200, "application/octet-stream", body.length, "");
        out.flush();
        int piece = Math.max(1, (body.length + pieces - 1) / Math.max(1, pieces));
        for (int offset = 0; offset < body.length; offset += piece) {
            if (offset > 0) {
                Thread.sleep(pause);
            }
            out.write(body, offset, Math.min(piece, body.length - offset));
            out.flush();
        }
    }

    /**
     * Writes the status line and headers, {@link SentAt#HEADER} among them. The stamp is taken
     * here, as the last thing before the answer leaves: a header cannot carry the moment after its
     * own body's last byte, so this is the closest a header can come to "finished sending". For
     * every answer written in one go ({@link #respond}) the head and body then go out in one flush,
     * microseconds later; for the deliberately slow answers it marks when sending began.
     */
    private static void writeHead(OutputStream out, int status, String contentType, int length, String extraHeaders)
            throws IOException {
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + length + "\r\n"
                + extraHeaders
                + SentAt.HEADER + ": " + System.nanoTime() + "\r\n"
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** Reads the headers; returns whether the connection stays open after the answer. */
    private static boolean readHeaders(InputStream in, String requestLine) throws IOException {
        boolean keepAlive = requestLine.endsWith("HTTP/1.1");
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Connection")) {
                String value = line.substring(colon + 1).strip();
                keepAlive = !value.equalsIgnoreCase("close") && (keepAlive || value.equalsIgnoreCase("keep-alive"));
            }
        }
        if (line == null) {
            throw new IOException("connection closed in the middle of the headers");
        }
        return keepAlive;
    }

    /** One line without its CRLF, or null at end of stream before any byte. Lines are capped at 8 KiB. */
    private static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= 8_192) {
                throw new IOException("request line or header longer than 8 KiB");
            }
            line.append((char) b);
        }
        if (line.isEmpty()) {
            return null;
        }
        throw new IOException("connection closed in the middle of a line");
    }

    private static String target(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    // ---------------------------------------------------------------- closing

    /**
     * Stops accepting, closes every connection (ending hung requests) and waits for the
     * server's threads to end.
     */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : openSockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            acceptor.join(Duration.ofSeconds(5));
            for (Thread thread : connectionThreads) {
                thread.interrupt(); // a handler sleeping out its latency
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LocalWebServer[" + url("/") + "]";
    }

    /** A parsed request line. */
    record Request(String method, String target, String path, Map<String, String> params) {

        static Request parse(String requestLine) {
            String[] words = requestLine.split(" ");
            if (words.length != 3 || !words[2].startsWith("HTTP/")) {
                throw new IllegalArgumentException("malformed request line: " + requestLine);
            }
            String target = words[1];
            int question = target.indexOf('?');
            String path = question < 0 ? target : target.substring(0, question);
            Map<String, String> params = new HashMap<>();
            if (question >= 0) {
                for (String pair : target.substring(question + 1).split("&")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0) {
                        params.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                }
            }
            return new Request(words[0], target, path, params);
        }

        int intParam(String name, int fallback) {
            String value = params.get(name);
            if (value == null) {
                return fallback;
            }
            try {
                return Math.max(0, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
