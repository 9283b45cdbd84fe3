package paradigms.common.server;

import paradigms.common.ClassPath;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * How much the web server fixture costs per request, so that we know when it — and not the
 * paradigm being measured — is the bottleneck.
 *
 * <p>The server runs in a child JVM ({@link ServeMain}); this JVM is the load: keep-alive
 * connections on virtual threads, each sending requests one after another over a raw
 * socket (the cheapest client there is). The child's CPU time, read from its
 * {@link ProcessHandle}, divided by the requests it answered, is the per-request cost.
 *
 * <p>Run: {@code ./mvnw -q -pl common compile exec:java -Dexec.skip=false
 * -Dexec.mainClass=paradigms.common.server.ServerBenchmark -Dexec.args="50 100000"}
 * (connections, requests).
 */
public final class ServerBenchmark {

    private ServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        if (connections <= 0 || requests < connections) {
            throw new IllegalArgumentException("need connections > 0 and requests >= connections, got " + connections + " " + requests);
        }
        Process child = new ProcessBuilder(ClassPath.javaLauncher(), "-cp", ClassPath.current(), ServeMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("port=")) {
                throw new IllegalStateException("server did not start: " + ready);
            }
            int port = Integer.parseInt(ready.substring(5));
            run(port, connections, Math.max(connections, requests / 10)); // warm-up
            Duration cpuBefore = child.info().totalCpuDuration().orElseThrow();
            long start = System.nanoTime();
            run(port, connections, requests);
            double seconds = (System.nanoTime() - start) / 1e9;
            Duration cpu = child.info().totalCpuDuration().orElseThrow().minus(cpuBefore);
            System.out.printf("%d requests over %d keep-alive connections in %.2f s: %.0f requests/s%n",
                    requests, connections, seconds, requests / seconds);
            System.out.printf("server CPU: %.2f s in all, %.1f µs per request, %.0f %% of one core%n",
                    cpu.toNanos() / 1e9, cpu.toNanos() / 1e3 / requests, 100 * cpu.toNanos() / 1e9 / seconds);
            System.out.printf("machine: %d cores%n", Runtime.getRuntime().availableProcessors());
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static void run(int port, int connections, int requests) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int share = requests / connections + (c < requests % connections ? 1 : 0);
                int id = c;
                done.add(pool.submit(() -> oneConnection(port, id, share)));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        }
    }

    /** Sends {@code count} GETs one after another on one connection; returns how many answered 200. */
    private static int oneConnection(int port, int id, int count) throws IOException {
        byte[] request = ("GET /data/" + id + "?size=256 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int ok = 0;
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < count; i++) {
                out.write(request);
                out.flush();
                ok += readResponse(in) == 200 ? 1 : 0;
            }
        }
        return ok;
    }

    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int length = 0;
        String header;
        while (!(header = line(in)).isEmpty()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("short body");
        }
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        var text = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                text.append((char) b);
            }
        }
        return text.toString();
    }
}
