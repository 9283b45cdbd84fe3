package paradigms.compare.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import paradigms.common.Paradigm;
import paradigms.common.Paradigms;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.DownloadExercise;
import paradigms.common.trace.Trace;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link HttpClients}: one paradigm's download exercise, warm, against the
 * parent's server. A JVM of its own per paradigm and part, so that its process CPU time is that
 * paradigm's client alone (the server runs in the parent) and no other paradigm's JIT-compiled
 * code or threads are in it.
 *
 * <p>Arguments: {@code PARADIGM BASE_URL COUNT IN_FLIGHT DELAY_MS BODY_BYTES WARMUPS REPEATS}.
 * Standard output: one line {@value #MARKER} followed by a {@link Runs} as JSON (other lines,
 * if a chapter prints any, are ignored by the parent). A wrong result ends the JVM with exit
 * code 1 and the reason on standard error.
 */
public final class HttpClientMain {

    static final String MARKER = "http-client-runs ";

    /** Each measured run's wall time and process CPU time, in milliseconds, in run order. */
    record Runs(List<Double> wallMillis, List<Double> cpuMillis) {
    }

    private HttpClientMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            throw new IllegalArgumentException("usage: PARADIGM BASE_URL COUNT IN_FLIGHT DELAY_MS BODY_BYTES WARMUPS REPEATS");
        }
        String name = args[0];
        Paradigm paradigm = Paradigms.all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no paradigm named " + name + " on the class path"));
        URI base = URI.create(args[1]);
        int count = Integer.parseInt(args[2]);
        int inFlight = Integer.parseInt(args[3]);
        int delayMillis = Integer.parseInt(args[4]);
        int bodyBytes = Integer.parseInt(args[5]);
        int warmups = Integer.parseInt(args[6]);
        int repeats = Integer.parseInt(args[7]);

        List<URI> urls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            urls.add(base.resolve("/data/" + i + "?size=" + bodyBytes + "&delay=" + delayMillis));
        }
        var request = new DownloadRequest(urls, inFlight);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // Warm: the paradigm's kept resources (multiprocessing's workers) start before any run, as in the main job.
        try (Paradigm.Started started = paradigm.startResources()) {
            DownloadExercise downloader = paradigm.download();
            for (int i = 0; i < warmups; i++) {
                check(downloader.download(request, Trace.off()), urls, bodyBytes);
            }
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long cpuBefore = os.getProcessCpuTime();
                long begin = System.nanoTime();
                List<DownloadResult> results = downloader.download(request, Trace.off());
                wall.add((System.nanoTime() - begin) / 1e6);
                cpu.add((os.getProcessCpuTime() - cpuBefore) / 1e6);
                check(results, urls, bodyBytes);
            }
            System.out.println(MARKER + new ObjectMapper().writeValueAsString(new Runs(wall, cpu)));
        } catch (IllegalStateException wrong) {
            System.err.println(name + ": " + wrong.getMessage());
            System.exit(1);
        }
    }

    /** Every URL answered, in input order, with a body of the size asked for: a figure for lost requests would mean nothing. */
    private static void check(List<DownloadResult> results, List<URI> urls, int bodyBytes) {
        if (results.size() != urls.size()) {
            throw new IllegalStateException(results.size() + " results for " + urls.size() + " URLs");
        }
        for (int i = 0; i < urls.size(); i++) {
            DownloadResult result = results.get(i);
            if (!result.url().equals(urls.get(i))
                    || !(result instanceof DownloadResult.Downloaded ok && ok.size() == bodyBytes)) {
                throw new IllegalStateException("URL " + i + " came back as " + result);
            }
        }
    }
}
