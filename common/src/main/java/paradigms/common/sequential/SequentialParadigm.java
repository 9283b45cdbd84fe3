package paradigms.common.sequential;

import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.blocking.BlockingExercise;
import paradigms.common.blocking.BlockingRequest;
import paradigms.common.blocking.BlockingResult;
import paradigms.common.blocking.Heartbeat;
import paradigms.common.blocking.QueryAnswer;
import paradigms.common.blocking.SleepQuery;
import paradigms.common.crawl.CrawlOutcome;
import paradigms.common.crawl.CrawlRequest;
import paradigms.common.crawl.CrawlResult;
import paradigms.common.crawl.PageBudget;
import paradigms.common.crawl.CrawlExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.DownloadExercise;
import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.MoveLog;
import paradigms.common.exhibition.Mover;
import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.Failure;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.pipeline.ResultsInOrder;
import paradigms.common.resume.ResumeExercise;
import paradigms.common.resume.ResumeRequest;
import paradigms.common.resume.ResumeResult;
import paradigms.common.resume.ResumeTally;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chapter 0: every exercise done one thing after another, on the caller's thread.
 *
 * <p>This is what the other chapters are measured against, and the honest answer to "do I
 * need concurrency at all?": for the squares it is only ~57 ms, and for a dozen URLs it is
 * fine. It claims nothing, so the contract tests that need concurrency are skipped for it,
 * each with its reason.
 *
 * <p>{@code maxInFlight} is respected trivially: there is never more than one request out.
 */
public final class SequentialParadigm implements Paradigm {

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public Set<Claim> claims() {
        return Set.of();
    }

    @Override
    public DownloadExercise download() {
        return SequentialParadigm::download;
    }

    @Override
    public SquaresExercise squares() {
        return SequentialParadigm::squares;
    }

    @Override
    public ExhibitionExercise exhibition() {
        return SequentialParadigm::exhibition;
    }

    @Override
    public CrawlExercise crawl() {
        return SequentialParadigm::crawl;
    }

    @Override
    public BlockingExercise blocking() {
        return SequentialParadigm::blocking;
    }

    @Override
    public WaitersExercise waiters() {
        return new WaitersExercise() {
            @Override
            public Capacity capacity() {
                return new Capacity(10, "tasks wait one after another: N tasks take N times the wait");
            }

            @Override
            public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
                capacity().check(request);
                var tally = new WaitTally(request);
                for (int task = 0; task < request.tasks(); task++) {
                    long began = tally.begin();
                    Thread.sleep(request.waitFor());
                    tally.end(began);
                }
                return tally.result();
            }
        };
    }

    @Override
    public CounterExercise counter() {
        return SequentialParadigm::count;
    }

    @Override
    public DeadlineExercise deadline() {
        return SequentialParadigm::deadline;
    }

    @Override
    public ResumeExercise resume() {
        return SequentialParadigm::resume;
    }

    @Override
    public PipelineExercise pipeline() {
        return SequentialParadigm::pipeline;
    }

    /** One task after another: nothing runs between a read and its write, so nothing is lost. */
    static CounterResult count(CounterRequest request, SharedCounter counter, Trace trace) {
        for (int task = 0; task < request.tasks(); task++) {
            for (int i = 0; i < request.incrementsPerTask(); i++) {
                long read = counter.read(task);
                counter.write(task, read + 1);
            }
        }
        return new CounterResult(counter.value(), request.expectedTotal());
    }

    /**
     * One URL after another; each request may wait only as long as the deadline leaves. A
     * request cut short by the deadline is not a failure of that URL: the deadline passed.
     */
    static DeadlineResult deadline(DeadlineRequest request, Trace trace) throws InterruptedException {
        var tally = new DeadlineTally(request);
        long deadline = System.nanoTime() + request.deadline().toNanos();
        try (var http = new SocketHttpClient(1)) { // one request at a time: one connection, kept alive
            for (int i = 0; i < request.urls().size() && !tally.ended(); i++) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    tally.deadlinePassed();
                    break;
                }
                boolean deadlineBinds = left.compareTo(request.requestTimeout()) < 0;
                DownloadResult result = http.download(request.urls().get(i), deadlineBinds ? left : request.requestTimeout());
                if (deadlineBinds && result instanceof DownloadResult.DownloadFailed failed && failed.failure() == Failure.TIMEOUT) {
                    tally.deadlinePassed();
                } else {
                    tally.record(i, result);
                }
            }
        }
        return tally.result();
    }

    /**
     * Each URL goes through the three stages before the next one is fetched: download it, put it
     * in the buffer, take it straight out, process it, collect it. The buffer never holds more
     * than the one page, whatever B is, and stage 1 never runs ahead: it waits for stage 2 by
     * not running at all — backpressure for free, and no overlap either (the time is the sum of
     * every download and every page's work).
     */
    static PipelineResult pipeline(PipelineRequest request, BufferLevel level, Trace trace) throws InterruptedException {
        var results = new ResultsInOrder(request);
        var buffer = new ArrayDeque<Fetched>(1); // B ≥ 1 always, and one item at a time is all it ever holds
        try (var http = new SocketHttpClient(1)) { // one request at a time: one connection, kept alive
            for (int i = 0; i < request.urls().size(); i++) {
                URI url = request.urls().get(i);
                Fetched fetched;
                try (var running = trace.begin(SpanNames.request(url))) {
                    fetched = http.fetch(i, url, request.timeout());
                }
                buffer.add(fetched);
                level.inserted();
                Fetched next = buffer.remove();
                level.removed();
                try (var running = trace.begin(SpanNames.process(next.url()))) {
                    results.collect(next.index(), request.work().apply(next));
                }
            }
        }
        return results.result();
    }

    static List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        try (var http = new SocketHttpClient(1)) { // one request at a time: one connection, kept alive
            List<DownloadResult> results = new ArrayList<>();
            for (URI url : request.urls()) {
                try (var running = trace.begin(SpanNames.request(url));
                     var life = trace.life(SpanNames.request(url), request.resumeLatency())) {
                    results.add(http.download(url, request.timeout(), life));
                }
            }
            return results;
        }
    }

    static List<SquareSum> squares(SquaresRequest request, Trace trace) {
        List<SquareSum> sums = new ArrayList<>();
        for (int n : request.ns()) {
            try (var running = trace.begin(SpanNames.sum(n))) {
                sums.add(new SquareSum(n, SumOfSquares.below(n)));
            }
        }
        return sums;
    }

    /** Game after game: the master sits at one board until its game is over (12 hours). */
    static ExhibitionResult exhibition(ExhibitionRequest request, Trace trace) throws InterruptedException {
        var log = new MoveLog(request);
        for (int board = 0; board < request.boards(); board++) {
            try (var running = trace.begin(SpanNames.game(board))) {
                for (int pair = 0; pair < request.movePairs(); pair++) {
                    long start = log.now();
                    Thread.sleep(request.masterMove()); // the master thinks
                    long masterDone = log.now();
                    log.record(Mover.MASTER, board, pair, start, masterDone);
                    Thread.sleep(request.opponentMove()); // the master waits for the opponent
                    log.record(Mover.OPPONENT, board, pair, masterDone, log.now());
                }
            }
        }
        return log.finish();
    }

    /**
     * Breadth-first, one page at a time: the frontier is a plain queue, "seen" a plain set, and
     * the page budget stops an endless site at {@code maxPages}.
     */
    static CrawlResult crawl(CrawlRequest request, Trace trace) throws InterruptedException {
        Map<URI, CrawlOutcome> outcomes = new HashMap<>();
        Set<URI> seen = new HashSet<>(List.of(request.root()));
        var budget = new PageBudget(request);
        var frontier = new ArrayDeque<URI>(List.of(request.root()));
        try (var http = new SocketHttpClient(1)) { // one request at a time: one connection, kept alive
            while (!frontier.isEmpty()) {
                URI url = frontier.poll();
                CrawlOutcome outcome;
                try (var running = trace.begin(SpanNames.request(url))) {
                    outcome = http.crawl(url, request.timeout());
                }
                outcomes.put(url, outcome);
                for (URI next : outcome.next()) {
                    if (request.inScope(next) && seen.add(next) && budget.claim()) {
                        frontier.add(next);
                    }
                }
            }
        }
        return CrawlResult.of(outcomes, budget);
    }

    /**
     * One connection, one query after another. The heartbeat can only tick between queries:
     * its largest gap is a whole query — the stall the other chapters avoid.
     */
    static BlockingResult blocking(BlockingRequest request, Trace trace) throws SQLException {
        var heartbeat = new Heartbeat();
        List<QueryAnswer> answers = new ArrayList<>();
        try (Connection connection = request.database().connect()) {
            for (int id = 0; id < request.queries(); id++) {
                heartbeat.tick();
                try (var running = trace.begin(SpanNames.query(id))) {
                    answers.add(SleepQuery.run(connection, id, request.queryDuration()));
                }
            }
            heartbeat.tick();
        }
        return new BlockingResult(answers, heartbeat.stop());
    }

    // ---------------------------------------------------------------- resume

    /**
     * One task after another: the busy tasks compute, then each sleeper sleeps and wakes in turn.
     * Nothing runs beside a sleeper, so it runs again the moment its timer is due — no ready queue,
     * and no concurrency either: the call takes the sum of every task's time.
     */
    private static ResumeResult resume(ResumeRequest request, Trace trace) throws InterruptedException {
        var tally = new ResumeTally(request, trace);
        for (int busy = 0; busy < request.busyTasks(); busy++) {
            tally.busy(busy);
        }
        for (int index = 0; index < request.sleepers(); index++) {
            TaskLife sleeper = tally.sleeper(index);
            long due = tally.fallAsleep(sleeper);
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                Thread.sleep(Duration.ofNanos(left)); // until due, however early a sleep may end
            }
            tally.wake(sleeper, due);
        }
        return tally.result();
    }
}
