package paradigms.compare;

import paradigms.common.Exercise;
import paradigms.common.Paradigm;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.Ending;
import paradigms.common.deadline.ItemOutcome;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.Failure;
import paradigms.common.measure.Leftovers;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code deadline}: the two endings of the deadline contract, against the parent's web server.
 * Every URL names its own delay ({@code ?delay=}), so the cases do not depend on
 * {@code --latency}.
 *
 * <ul>
 *   <li>{@link Kind#FAIL_FAST}: a fast URL (20 ms), one that fails (HTTP 500 after 200 ms),
 *       three slow ones (5 s), all five in flight at once. The failure ends the call: the
 *       slow ones must be cancelled, and the call should return about 200 ms in.</li>
 *   <li>{@link Kind#DEADLINE}: six slow URLs (5 s), at most three in flight, a 300 ms
 *       deadline: every URL cancelled, the call back about 300 ms in, never more than three
 *       requests started.</li>
 * </ul>
 *
 * <p>The figures: how the call ended and what became of each URL; how long after the moment it
 * could have known (the failure's answer, the deadline) it returned; and what it left behind —
 * at the server (requests still in flight, connections still open: the parent waits for them to
 * go, up to {@link ServerQuiet#LIMIT}, and says how long it took) and in the child JVM (threads
 * and processes that were not there before the run). Anything left is a wrong result: the
 * exercise's contract is that nothing is.
 */
record DeadlineWorkload(Kind kind, Repeats repeats) implements Workload {

    /** This exercise's two cases, one per {@link Kind}, with the mode's usual repeats. */
    static List<Workload> plan(Mode mode, Duration latency) {
        return List.of(new DeadlineWorkload(Kind.FAIL_FAST, Repeats.measured(mode)),
                new DeadlineWorkload(Kind.DEADLINE, Repeats.measured(mode)));
    }

    /** The two cases. */
    enum Kind {
        FAIL_FAST("deadline-fail-fast", 5, Duration.ofSeconds(30), Duration.ofMillis(200)),
        DEADLINE("deadline-passes", 3, Duration.ofMillis(300), Duration.ofMillis(300));

        final String id;
        final int maxInFlight;
        final Duration deadline;
        /** When the call could know it is over at the earliest: the failure's answer, or the deadline. */
        final Duration endsAt;

        Kind(String id, int maxInFlight, Duration deadline, Duration endsAt) {
            this.id = id;
            this.maxInFlight = maxInFlight;
            this.deadline = deadline;
            this.endsAt = endsAt;
        }
    }

    static final Duration FAST = Duration.ofMillis(20);
    static final Duration SLOW = Duration.ofSeconds(5);
    /** The same bound as the deadline contract's "promptly". */
    static final Duration PROMPTLY = Duration.ofMillis(2_500);

    /**
     * One run's own figures.
     *
     * @param ending           how the call ended ({@link Ending})
     * @param tookMillis       from the call to its return
     * @param endsAtMillis     when it could have known it was over: the failure's answer, or the deadline
     * @param server           what was left at the server, and how long it took to go
     * @param leftInJvm        threads and processes of the child JVM that were not there before the run and are
     *                         still alive after it (waited for up to {@link Leftovers#LIMIT} once the server is quiet)
     */
    record Figures(String ending, int finished, int failed, int cancelled, double tookMillis, double endsAtMillis,
                   ServerQuiet server, List<String> leftInJvm) {

        Figures {
            leftInJvm = leftInJvm == null ? List.of() : List.copyOf(leftInJvm);
        }

        /** How long after it could have known it returned. */
        double beyondMillis() {
            return tookMillis - endsAtMillis;
        }
    }

    @Override
    public String id() {
        return kind.id;
    }

    @Override
    public Exercise exercise() {
        return Exercise.DEADLINE;
    }

    @Override
    public String description() {
        return switch (kind) {
            case FAIL_FAST -> String.format(Locale.ROOT,
                    "fail fast: 1 URL of %d ms, 1 failing (HTTP 500) after %d ms, 3 of %d s; at most %d in flight",
                    FAST.toMillis(), kind.endsAt.toMillis(), SLOW.toSeconds(), kind.maxInFlight);
            case DEADLINE -> String.format(Locale.ROOT, "deadline: 6 URLs of %d s, at most %d in flight, a %d ms deadline",
                    SLOW.toSeconds(), kind.maxInFlight, kind.deadline.toMillis());
        };
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
    public boolean comparesWithBaseline() {
        return false;
    }

    @Override
    public boolean awaitsQuietServer() {
        return true;
    }

    /** The moment the call could know it is over: it cannot return sooner. */
    @Override
    public Optional<Duration> ideal() {
        return Optional.of(kind.endsAt);
    }

    @Override
    public Integer allowedInFlight() {
        return kind.maxInFlight;
    }

    List<URI> urls(Fixtures fixtures) {
        String tag = "&case=" + kind.id; // keeps the targets apart from other cases' at the server
        List<URI> urls = new ArrayList<>();
        switch (kind) {
            case FAIL_FAST -> {
                urls.add(fixtures.url("/data/1?delay=" + FAST.toMillis() + tag));
                urls.add(fixtures.url("/status/500?delay=" + kind.endsAt.toMillis() + tag));
                for (int i = 2; i <= 4; i++) {
                    urls.add(fixtures.url("/data/" + i + "?delay=" + SLOW.toMillis() + tag));
                }
            }
            case DEADLINE -> {
                for (int i = 0; i < 6; i++) {
                    urls.add(fixtures.url("/data/" + i + "?delay=" + SLOW.toMillis() + tag));
                }
            }
        }
        return urls;
    }

    @Override
    public Prepared<DeadlineResult> prepare(Paradigm paradigm, Fixtures fixtures) {
        List<URI> urls = urls(fixtures);
        var request = new DeadlineRequest(urls, kind.maxInFlight, kind.deadline);
        DeadlineExercise downloader = paradigm.deadline();
        return new Prepared<>() {
            // Set by beforeRun and run, read by check: the child's main thread only.
            private Leftovers before;
            private long tookNanos;

            @Override
            public void beforeRun() {
                before = Leftovers.now();
            }

            @Override
            public DeadlineResult run(Trace trace) throws InterruptedException {
                long start = System.nanoTime();
                try {
                    return downloader.download(request, trace);
                } finally {
                    tookNanos = System.nanoTime() - start;
                }
            }

            @Override
            public Outcome check(DeadlineResult result) {
                return check(result, null);
            }

            @Override
            public Outcome check(DeadlineResult result, Messages.ServerCounters server) {
                ServerQuiet quiet = server == null ? null : server.quiet();
                // The parent has already waited for its server to go quiet, and threads end about as
                // fast. If it did not, requests are still out and their threads with them: no point
                // waiting a second time, one look says which.
                List<String> left = Leftovers.awaitGone(before, quiet == null || quiet.quiet() ? Leftovers.LIMIT : Duration.ZERO);
                var figures = new Figures(result.ending().name(), (int) result.count(ItemOutcome.Finished.class),
                        (int) result.count(ItemOutcome.Failed.class), (int) result.count(ItemOutcome.Cancelled.class),
                        tookNanos / 1e6, kind.endsAt.toNanos() / 1e6, quiet, left);
                List<String> problems = new ArrayList<>(wrongResult(urls, result));
                if (tookNanos >= PROMPTLY.toNanos()) {
                    problems.add("returned after " + Format.millis(tookNanos / 1e6) + ", not promptly (the contract's bound: "
                            + Format.millis(PROMPTLY.toMillis()) + ")");
                }
                if (kind == Kind.DEADLINE && tookNanos < kind.deadline.toNanos()) {
                    problems.add("returned before the deadline, after " + Format.millis(tookNanos / 1e6));
                }
                if (kind == Kind.DEADLINE && server != null && server.requests() > kind.maxInFlight) {
                    problems.add(server.requests() + " requests started, more than the " + kind.maxInFlight + " allowed in flight");
                }
                if (quiet != null && !quiet.quiet()) {
                    problems.add("left behind: " + quiet.describe());
                }
                if (!left.isEmpty()) {
                    problems.add("left behind in the JVM: " + String.join(", ", left));
                }
                return Outcome.of(urls.size(), problems.isEmpty() ? null : String.join("; ", problems)).with(figures);
            }
        };
    }

    /** What the contract expects of each URL, as a list of what differs. */
    private List<String> wrongResult(List<URI> urls, DeadlineResult result) {
        List<String> problems = new ArrayList<>();
        if (result.items().size() != urls.size()) {
            problems.add(result.items().size() + " outcomes for " + urls.size() + " URLs");
            return problems;
        }
        for (int i = 0; i < urls.size(); i++) {
            if (!urls.get(i).equals(result.items().get(i).url())) {
                problems.add("outcome " + i + " is for " + result.items().get(i).url() + ", not " + urls.get(i));
                return problems;
            }
        }
        Ending expected = kind == Kind.FAIL_FAST ? Ending.FAILED_FAST : Ending.DEADLINE_PASSED;
        if (result.ending() != expected) {
            problems.add("ended " + result.ending() + ", expected " + expected);
        }
        List<ItemOutcome> items = result.items();
        switch (kind) {
            case FAIL_FAST -> {
                if (!(items.get(0) instanceof ItemOutcome.Finished)) {
                    problems.add("the fast URL did not finish before the failure: " + items.get(0));
                }
                if (!(items.get(1) instanceof ItemOutcome.Failed(DownloadResult.DownloadFailed failed)
                        && failed.failure() == Failure.HTTP_STATUS && failed.status() == 500)) {
                    problems.add("the failing URL is not reported failed with HTTP 500: " + items.get(1));
                }
                for (int i = 2; i < items.size(); i++) {
                    if (!(items.get(i) instanceof ItemOutcome.Cancelled)) {
                        problems.add("the slow URL " + i + " is not cancelled: " + items.get(i));
                    }
                }
            }
            case DEADLINE -> {
                long cancelled = result.count(ItemOutcome.Cancelled.class);
                if (cancelled != items.size()) {
                    problems.add(cancelled + " of " + items.size() + " slow URLs cancelled");
                }
            }
        }
        return problems;
    }
}
