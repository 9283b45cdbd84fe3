package paradigms.compare.bench;

import paradigms.common.ClassPath;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.server.ServeMain;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code --bench server}: what the course's web server fixture costs per request, so that we know
 * when it — and not the paradigm measured — is the bottleneck.
 *
 * <p>The server runs alone in a child JVM ({@link ServeMain}); this JVM is the load: {@code
 * connections} virtual threads, each sending its share of the requests one after another through
 * the course's blocking socket client, on keep-alive connections. The child's CPU time (from its
 * {@link ProcessHandle}) divided by the requests it answered is the server's cost per request.
 */
final class ServerCost implements Benchmark {

    private static final int CONNECTIONS = 50;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param requestsPerSecond median over the measured runs
     * @param serverCpuMicros   median server CPU per request, µs
     * @param serverCores       the server's CPU over the wall time of the same median run (1.0 = one core)
     */
    record Figures(int connections, int requests, double requestsPerSecond, double serverCpuMicros, double serverCores) {
    }

    private record Run(double requestsPerSecond, double cpuMicros, double cores) {
    }

    @Override
    public String name() {
        return "server";
    }

    @Override
    public String description() {
        return "the web server fixture's CPU per request, in a child JVM of its own";
    }

    @Override
    public Figures run(Context context) throws Exception {
        int requests = context.full() ? 200_000 : 50_000;
        Process child = new ProcessBuilder(ClassPath.javaLauncher(), "-cp", ClassPath.current(), ServeMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var client = new SocketHttpClient(CONNECTIONS)) {
            var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            String ready = lines.readLine();
            if (ready == null || !ready.startsWith("port=")) {
                throw new IllegalStateException("the server did not start: " + ready);
            }
            URI base = URI.create("http://127.0.0.1:" + Integer.parseInt(ready.substring("port=".length())));
            List<Run> runs = context.policy().run(() -> {
                Duration before = child.info().totalCpuDuration().orElseThrow();
                long begin = System.nanoTime();
                load(client, base, requests);
                double seconds = (System.nanoTime() - begin) / 1e9;
                double cpuSeconds = child.info().totalCpuDuration().orElseThrow().minus(before).toNanos() / 1e9;
                return new Run(requests / seconds, cpuSeconds * 1e6 / requests, cpuSeconds / seconds);
            });
            var figures = new Figures(CONNECTIONS, requests,
                    Policy.median(runs.stream().map(Run::requestsPerSecond).toList()),
                    Policy.median(runs.stream().map(Run::cpuMicros).toList()),
                    Policy.median(runs.stream().map(Run::cores).toList()));
            context.out().printf(Locale.ROOT, "  %,d requests over %d keep-alive connections: %,.0f requests/s (median)%n",
                    requests, CONNECTIONS, figures.requestsPerSecond());
            context.out().printf(Locale.ROOT, "  server CPU: %.1f µs per request, %.0f %% of one core%n",
                    figures.serverCpuMicros(), 100 * figures.serverCores());
            return figures;
        } finally {
            child.getOutputStream().close(); // ServeMain stops when its standard input closes
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** {@code requests} GETs of 256 bytes, spread over {@link #CONNECTIONS} virtual threads, each waiting for its answer. */
    private static void load(SocketHttpClient client, URI base, int requests) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int share = requests / CONNECTIONS + (c < requests % CONNECTIONS ? 1 : 0);
                URI url = base.resolve("/data/" + c + "?size=256");
                done.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        int status = client.get(url, REQUEST_TIMEOUT).status();
                        if (status != 200) {
                            throw new IllegalStateException(url + " answered " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }
}
