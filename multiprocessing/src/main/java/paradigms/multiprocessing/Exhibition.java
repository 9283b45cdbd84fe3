package paradigms.multiprocessing;

import paradigms.common.exhibition.ExhibitionExercise;
import paradigms.common.exhibition.ExhibitionRequest;
import paradigms.common.exhibition.ExhibitionResult;
import paradigms.common.exhibition.MoveLog;
import paradigms.common.exhibition.Mover;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.ProcessPool;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.IntStream;

/**
 * The {@code exhibition} with the opponents as processes: the parent is the master — one
 * thread, so he makes one move at a time — and each opponent's move is a "think for N ns"
 * task that a worker runs. After each master move, the board's opponent task goes to the
 * pool, and the master walks on to the next board whose opponent has replied.
 *
 * <p><b>How many workers.</b> A worker runs one task at a time, so the pool must hold every
 * opponent that thinks at once: the master moves every 5 s (exhibition time), and each
 * opponent then thinks for 55 s, so 11 think at once; one more absorbs the pipes' latency.
 * That is 12 JVMs, not 24 — a board whose opponent has replied waits for the master, not
 * for a worker. (See {@link #workersFor}.)
 *
 * <p><b>The clock.</b> The exhibition's clock starts once the pool is ready: the opponents
 * take their seats before the first move (each worker runs one short task first:
 * {@link #takeSeats}). Starting 12 JVMs is measured separately (the
 * chapter's README), not hidden in the 1-hour result.
 *
 * <p>On the wire: {@code task ID think NANOS} → {@code done ID …} with no values.
 */
final class Exhibition implements ExhibitionExercise {

    static final String KIND = "think";


    /** An opponent's move came back (or its worker failed), handed from a pool thread to the master. */
    private record Reply(int board, Throwable error) {
    }

    /** The opponents thinking at once when the master never waits, plus one; at most one per board. */
    static int workersFor(ExhibitionRequest request) {
        int thinkingAtOnce = (request.opponentMoveSeconds() + request.masterMoveSeconds() - 1) / request.masterMoveSeconds();
        return Math.min(request.boards(), thinkingAtOnce + 1);
    }

    @Override
    public ExhibitionResult play(ExhibitionRequest request, Trace trace) throws InterruptedException {
        try (var pool = Workers.pool().size(workersFor(request)).forWaiting().start()) {
            takeSeats(pool);
            return play(pool, request, trace);
        }
    }

    /** How long each opponent's seat-taking task thinks: enough for all of them to be out at once. */
    private static final Duration SEAT = Duration.ofMillis(20);

    /**
     * Before the clock starts, every worker runs one short task at once (idle workers each take
     * one): a fresh JVM's first task loads and links the task path's classes, and twelve of them
     * doing that on two cores would otherwise land on the exhibition's first minutes.
     */
    private static void takeSeats(ProcessPool pool) throws InterruptedException {
        List<ThinkJob> seats = IntStream.range(0, pool.size()).mapToObj(seat -> new ThinkJob(seat, 0, SEAT)).toList();
        pool.map(seats, Trace.off());
    }

    private static ExhibitionResult play(ProcessPool pool, ExhibitionRequest request, Trace trace) throws InterruptedException {
        var log = new MoveLog(request);
        var replies = new LinkedBlockingQueue<Reply>(); // filled by the pool's threads
        var waitingForMaster = new ArrayDeque<Integer>(); // this thread's alone, like everything below
        int[] nextPair = new int[request.boards()];
        for (int board = 0; board < request.boards(); board++) {
            waitingForMaster.add(board);
        }
        int thinking = 0;
        while (!waitingForMaster.isEmpty() || thinking > 0) {
            // Collect the replies that are in; wait for one only when no board waits for the master.
            Reply reply = waitingForMaster.isEmpty() ? replies.take() : replies.poll();
            for (; reply != null; reply = replies.poll()) {
                thinking--;
                if (reply.error() != null) {
                    throw reply.error() instanceof RuntimeException failure ? failure : new IllegalStateException(reply.error());
                }
                if (nextPair[reply.board()] < request.movePairs()) {
                    waitingForMaster.add(reply.board());
                }
            }
            Integer board = waitingForMaster.poll();
            if (board == null) {
                continue;
            }
            int pair = nextPair[board]++;
            long start = log.now();
            try (var running = trace.begin(SpanNames.masterMove(board, pair))) {
                Thread.sleep(request.masterMove()); // the master thinks: this sleep is the exercise's work
            }
            long masterDone = log.now();
            log.record(Mover.MASTER, board, pair, start, masterDone);
            pool.submit(new ThinkJob(board, pair, request.opponentMove()), trace).whenComplete((ok, error) -> {
                // On the pool's thread, the moment the reply arrives: that is when the opponent's move is made.
                if (error == null) {
                    log.record(Mover.OPPONENT, board, pair, masterDone, log.now());
                }
                replies.add(new Reply(board, error));
            });
            thinking++;
        }
        return log.finish();
    }

    /** The parent's half: one opponent's move. */
    record ThinkJob(int board, int pair, Duration think) implements Job<Void> {

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(String.valueOf(think.toNanos()));
        }

        @Override
        public Void decode(List<String> values) throws Wire.BadFrameException {
            Values.of(values).expectSize(0, "a think reply");
            return null;
        }

        @Override
        public String label() {
            return SpanNames.opponentMove(board, pair);
        }
    }

    /** The worker's half: the opponent thinks. */
    static List<String> work(List<String> arguments) throws Exception {
        long nanos = Values.of(arguments).expectSize(1, "a think task").number(0, "nanos");
        if (nanos < 0) {
            throw new Wire.BadFrameException("nanos is negative: " + nanos);
        }
        Thread.sleep(Duration.ofNanos(nanos)); // thinking is waiting, here: the sleep is the task
        return List.of();
    }
}
