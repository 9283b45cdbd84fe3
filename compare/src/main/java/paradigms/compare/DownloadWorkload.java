package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code download}: fetch {@code count} URLs of {@code bodySize} bytes with at most
 * {@code maxInFlight} in flight, against a server that waits {@code latency} before each answer.
 * The same class makes the course's headline from pawelmhm's "Making 1 million requests with python-aiohttp" ({@code download-million}).
 */
record DownloadWorkload(String id, int count, int maxInFlight, int bodySize, Duration latency,
                        Repeats repeats, boolean traced, boolean needsConcurrentWaiting) implements Workload {

    /**
     * This exercise's cases in {@code mode}; full mode adds the course's headline, a million
     * requests with at most 1,000 in flight (1-2.5 min for the paradigms that keep 1,000 in
     * flight; 28 min for multiprocessing, whose 32 worker JVMs keep only 32).
     */
    static List<Workload> plan(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK -> List.of(new DownloadWorkload("download", 24, 8, 2_048, latency, Repeats.measured(mode), true, false));
            case REFERENCE -> List.of(
                    new DownloadWorkload("download", 24, 8, 2_048, latency, Repeats.measured(mode), true, false),
                    million(latency));
            case FULL -> List.of(
                    new DownloadWorkload("download", 200, 20, 2_048, latency, Repeats.measured(mode), true, false),
                    new DownloadWorkload("download-million", 1_000_000, 1_000, 256, latency,
                            new Repeats(0, 1, Duration.ZERO, Duration.ofMinutes(45)), false, true));
        };
    }

    /** The headline case of the reference: one run, no warm-up (a million requests warm everything up on their own). */
    private static DownloadWorkload million(Duration latency) {
        return new DownloadWorkload("download-million", 1_000_000, 1_000, 256, latency,
                new Repeats(0, 1, Duration.ZERO, Duration.ofMinutes(10)), false, true);
    }

    /**
     * The resume latencies of one run ({@code ResumeLatency}): how long after the server sent an
     * answer the task that waited for it ran again — socket buffer, client, and the scheduler's
     * ready queue — the same measure in every paradigm.
     *
     * @param resumes         how many answers were noted (one per URL answered)
     * @param resumeP50Micros the median
     * @param resumeP99Micros the 99th percentile
     * @param resumeMaxMicros the longest
     */
    record Resume(int resumes, double resumeP50Micros, double resumeP99Micros, double resumeMaxMicros) {

        static Resume of(ResumeLatency.Summary summary) {
            return new Resume(summary.count(), micros(summary.p50()), micros(summary.p99()), micros(summary.max()));
        }

        private static double micros(Duration d) {
            return d.toNanos() / 1_000.0;
        }
    }

    /** Up to this many URLs, every body's checksum is checked; above, only sizes (hashing a million bodies twice is not the point). */
    private static final int CHECKSUMS_UP_TO = 10_000;

    @Override
    public Exercise exercise() {
        return Exercise.DOWNLOAD;
    }

    @Override
    public String description() {
        return String.format(java.util.Locale.ROOT, "%,d URLs of %,d bytes, at most %,d in flight, answers after %,d ms",
                count, bodySize, maxInFlight, latency.toMillis());
    }

    @Override
    public Integer allowedInFlight() {
        return maxInFlight;
    }

    @Override
    public boolean usesServer() {
        return true;
    }

    /** Perfect waiting: ceil(N / C) rounds of one wait each. */
    @Override
    public Optional<Duration> ideal() {
        long rounds = (count + maxInFlight - 1) / maxInFlight;
        return Optional.of(latency.multipliedBy(rounds));
    }

    @Override
    public String unitName() {
        return "requests";
    }

    @Override
    public Prepared<List<DownloadResult>> prepare(Paradigm paradigm, Fixtures fixtures) {
        List<URI> urls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // The case id in the query keeps URLs distinct between cases (the server counts per target).
            urls.add(fixtures.url("/data/" + i + "?size=" + bodySize + "&case=" + id));
        }
        var request = new DownloadRequest(urls, maxInFlight);
        var downloader = paradigm.download();
        return new Prepared<>() {
            // This run's recorder and the request that carries it, made fresh before each run (on the
            // child's main thread, like run and check). Only for traced cases: a million latencies
            // would be an array of their own in the heap figure of the million requests.
            private ResumeLatency resumes = ResumeLatency.off();
            private DownloadRequest measured = request;

            @Override
            public void beforeRun() {
                if (traced) {
                    resumes = ResumeLatency.recording();
                    measured = request.measuringResumes(resumes);
                }
            }

            @Override
            public List<DownloadResult> run(Trace trace) throws InterruptedException {
                return downloader.download(measured, trace);
            }

            @Override
            public Outcome check(List<DownloadResult> results) {
                Outcome outcome = Outcome.of(count, problem(urls, results));
                return traced ? outcome.with(Resume.of(resumes.summary())) : outcome;
            }
        };
    }

    private String problem(List<URI> urls, List<DownloadResult> results) {
        if (results == null || results.size() != urls.size()) {
            return (results == null ? "no" : results.size()) + " results for " + urls.size() + " URLs";
        }
        int failed = 0;
        String first = null;
        for (int i = 0; i < urls.size(); i++) {
            String wrong = wrong(urls.get(i), results.get(i));
            if (wrong != null) {
                failed++;
                first = first == null ? wrong : first;
            }
        }
        return failed == 0 ? null : failed + " of " + urls.size() + " URLs wrong, first: " + first;
    }

    private String wrong(URI url, DownloadResult result) {
        if (!url.equals(result.url())) {
            return "result for " + result.url() + " where " + url + " was expected";
        }
        return switch (result) {
            case DownloadResult.DownloadFailed failed -> url.getPath() + " failed: " + failed.detail();
            case DownloadResult.Downloaded ok when ok.size() != bodySize -> url.getPath() + " has " + ok.size() + " bytes";
            case DownloadResult.Downloaded ok when count <= CHECKSUMS_UP_TO
                    && !ok.sha256().equals(sha256(LocalWebServer.expectedBody(url))) -> url.getPath() + " has the wrong checksum";
            case DownloadResult.Downloaded ok -> null;
        };
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
