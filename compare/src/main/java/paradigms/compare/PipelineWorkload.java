package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PageWork;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.pipeline.PipelineItem;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.server.LocalWebServer;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code pipeline}: {@code count} URLs answered after the server's latency, at most
 * {@code maxInFlight} in flight (stage 1); each page processed with {@code cost} of CPU work
 * (stage 2); a buffer of {@code bufferSize} pages between them. The cost is chosen from the
 * latency so that stage 2 is the slow stage — one and a half times slower than stage 1 at its
 * best — and the buffer fills: what backpressure is for.
 *
 * <p>The figures beyond time: the buffer's high-water mark (never above B, or the result is
 * wrong), each stage's throughput beside its ideal (stage 1: C pages per latency; stage 2: one
 * page per cost), and the buffer's level over the median run, drawn per paradigm.
 *
 * <p>The ideal: stage 2 cannot start before the first page arrives, and then works without a
 * break if stage 1 keeps up — the latency plus N × cost; or, were stage 1 the slower, its
 * ceil(N / C) rounds plus one page's work.
 */
record PipelineWorkload(int count, int maxInFlight, int bufferSize, Duration latency, Duration cost, Repeats repeats)
        implements Workload {

    static List<Workload> plan(Mode mode, Duration latency) {
        return switch (mode) {
            case QUICK, REFERENCE -> List.of(new PipelineWorkload(30, 5, 4, latency, slowStageTwo(latency, 5), Repeats.measured(mode)));
            case FULL -> List.of(new PipelineWorkload(200, 10, 8, latency, slowStageTwo(latency, 10), Repeats.measured(mode)));
        };
    }

    /** A page's work 1.5 times as long as stage 1 needs per page at its best (latency ÷ C): stage 2 is the slow stage. */
    static Duration slowStageTwo(Duration latency, int maxInFlight) {
        return Duration.ofNanos(latency.toNanos() * 3 / (2L * maxInFlight));
    }

    /**
     * One run's own figures.
     *
     * @param highWater            the most pages the buffer held at once, as the buffer reported it
     * @param stage1PerSecond      pages stage 1 put into the buffer per second, from the run's start to its last put
     * @param stage2PerSecond      pages stage 2 processed per second, from its first page's start to its last page's end
     * @param stage1IdealPerSecond C ÷ latency: stage 1 alone, never held back
     * @param stage2IdealPerSecond 1 ÷ cost: stage 2 never waiting for a page
     */
    record Figures(int bufferSize, int highWater, double stage1PerSecond, double stage2PerSecond,
                   double stage1IdealPerSecond, double stage2IdealPerSecond) {
    }

    /** One point of the buffer's level over a run: the level after a change, {@code millis} after the run began. */
    record LevelPoint(double millis, int level) {
    }

    @Override
    public String id() {
        return "pipeline";
    }

    @Override
    public Exercise exercise() {
        return Exercise.PIPELINE;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%,d URLs answered after %,d ms, at most %,d in flight; a buffer of %,d pages; "
                + "stage 2 costs %s of CPU per page", count, latency.toMillis(), maxInFlight, bufferSize, Format.millis(cost.toNanos() / 1e6));
    }

    @Override
    public boolean traced() {
        return true;
    }

    @Override
    public boolean usesServer() {
        return true;
    }

    @Override
    public Integer allowedInFlight() {
        return maxInFlight;
    }

    @Override
    public Optional<Duration> ideal() {
        Duration stageTwoBound = latency.plus(cost.multipliedBy(count));
        Duration stageOneBound = latency.multipliedBy((count + maxInFlight - 1) / maxInFlight).plus(cost);
        return Optional.of(stageTwoBound.compareTo(stageOneBound) >= 0 ? stageTwoBound : stageOneBound);
    }

    @Override
    public String unitName() {
        return "pages";
    }

    @Override
    public Prepared<PipelineResult> prepare(Paradigm paradigm, Fixtures fixtures) {
        List<URI> urls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            urls.add(fixtures.url("/data/" + i + "?delay=" + latency.toMillis() + "&case=" + id()));
        }
        PipelineExercise pipeline = paradigm.pipeline();
        return new Prepared<>() {
            // Made by run, read by check: the child's main thread only (see Workload.Prepared).
            private BufferLevel level;
            private TimedWork work;

            @Override
            public PipelineResult run(Trace trace) throws InterruptedException {
                level = new BufferLevel();
                work = new TimedWork(PageWork.digesting(cost));
                return pipeline.run(new PipelineRequest(urls, maxInFlight, bufferSize, work), level, trace);
            }

            @Override
            public Outcome check(PipelineResult result) {
                return check(result, null);
            }

            @Override
            public Outcome check(PipelineResult result, Messages.ServerCounters server) {
                List<String> problems = new ArrayList<>(wrongItems(urls, result));
                if (level.highWater() > bufferSize) {
                    problems.add("the buffer held " + level.highWater() + " pages at once, more than B = " + bufferSize);
                }
                if (level.insertions() != count || level.removals() != count || level.lowWater() < 0) {
                    problems.add("the buffer's reports do not add up: " + level);
                }
                if (server != null && server.requests() != count) {
                    problems.add("the server answered " + server.requests() + " requests for " + count + " URLs");
                }
                var figures = new Figures(bufferSize, level.highWater(), perSecond(count, lastInsertionNanos(level)),
                        perSecond(work.pages(), work.spanNanos()), maxInFlight / (latency.toNanos() / 1e9), 1 / (cost.toNanos() / 1e9));
                return Outcome.of(count, problems.isEmpty() ? null : String.join("; ", problems))
                        .with(figures, levelOverTime(level));
            }
        };
    }

    /** What the contract expects of each item, as a list of what differs (the first few). */
    private static List<String> wrongItems(List<URI> urls, PipelineResult result) {
        List<String> problems = new ArrayList<>();
        if (result.items().size() != urls.size()) {
            problems.add(result.items().size() + " items for " + urls.size() + " URLs");
            return problems;
        }
        for (int i = 0; i < urls.size() && problems.size() < 3; i++) {
            URI url = urls.get(i);
            PipelineItem item = result.items().get(i);
            if (!url.equals(item.url())) {
                problems.add("item " + i + " is for " + item.url() + ", not " + url);
            } else if (!(item instanceof PipelineItem.Processed processed)) {
                problems.add(url.getPath() + " failed: " + ((PipelineItem.Failed) item).failure().detail());
            } else if (!processed.sha256().equals(sha256(LocalWebServer.expectedBody(url)))) {
                problems.add(url.getPath() + " has the wrong digest");
            }
        }
        return problems;
    }

    /** When the last page went into the buffer: the end of stage 1's work. */
    private static long lastInsertionNanos(BufferLevel level) {
        long last = 0;
        int before = 0;
        for (BufferLevel.Sample sample : level.samples()) {
            if (sample.level() > before) {
                last = sample.nanos();
            }
            before = sample.level();
        }
        return last;
    }

    private static List<LevelPoint> levelOverTime(BufferLevel level) {
        return level.samples().stream().map(s -> new LevelPoint(s.nanos() / 1e6, s.level())).toList();
    }

    private static double perSecond(long units, long nanos) {
        return nanos <= 0 ? 0 : units / (nanos / 1e9);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Stage 2's work, timed: when the first page's work began and the last one's ended, on the
     * buffer level's clock. Thread safety: {@code process} may run on any thread; the times are
     * guarded by {@code this}, never held during the work.
     */
    static final class TimedWork implements PageWork {

        private final PageWork work;
        private final long origin = System.nanoTime();
        private long firstStart = -1; // guarded by this
        private long lastEnd;         // guarded by this
        private int pages;            // guarded by this

        TimedWork(PageWork work) {
            this.work = work;
        }

        @Override
        public PipelineItem.Processed process(Fetched.Page page) {
            long start = System.nanoTime() - origin;
            PipelineItem.Processed result = work.process(page);
            long end = System.nanoTime() - origin;
            synchronized (this) {
                firstStart = firstStart < 0 ? start : Math.min(firstStart, start);
                lastEnd = Math.max(lastEnd, end);
                pages++;
            }
            return result;
        }

        synchronized int pages() {
            return pages;
        }

        /** From the first page's start to the last page's end. */
        synchronized long spanNanos() {
            return firstStart < 0 ? 0 : lastEnd - firstStart;
        }
    }
}
