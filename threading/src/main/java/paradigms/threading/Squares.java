package paradigms.threading;

import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.threading.threads.Threads;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code squares} on platform threads: each n's range {@code [0, n)} is cut into one chunk
 * per core, every chunk is a task, and a pool with one thread per core runs them. The chunks'
 * sums add up to the n's sum ({@link SumOfSquares#range}), added in input order by the caller.
 *
 * <p>Why chunks and not one task per n: with one task per n, a request with a single large n
 * would use one core. Why not smaller chunks: each task costs a queue hand-off, and a chunk of
 * 2,500,000 squares (about 1.5 ms here) makes that cost invisible.
 *
 * <p><b>The global-lock variant is a teaching demo</b> of what CPython's global interpreter
 * lock (GIL) does to the same code: {@link #underGlobalLock()} makes every chunk take one
 * lock shared by all threads, so only one chunk runs at any moment, however many cores there
 * are. (CPython's lock is finer-grained — it is handed over every few milliseconds, not per
 * chunk — but the effect on CPU-bound threads is the same: one runs, the others wait.) The
 * JVM has no such lock; the only difference between the two variants is the {@code lock()}.
 */
final class Squares implements SquaresExercise {

    private final boolean globalLock;

    private Squares(boolean globalLock) {
        this.globalLock = globalLock;
    }

    /** The chapter's implementation: chunks run on all cores at once. */
    Squares() {
        this(false);
    }

    /** TEACHING DEMO, not a way to compute anything: "what Python's GIL would do". */
    static Squares underGlobalLock() {
        return new Squares(true);
    }

    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        // One lock per call, shared by every worker of this call: the "global" lock. Unused
        // (and never taken) by the parallel variant. Fair, because CPython's GIL (since 3.2)
        // hands over to a thread that waits for it rather than let the holder take it straight back.
        var gil = new ReentrantLock(true);
        try (ExecutorService workers = Threads.fixedPool(globalLock ? "gil-squares" : "squares", cores)) {
            List<List<Future<BigInteger>>> chunksPerN = new ArrayList<>();
            for (int n : request.ns()) {
                List<Future<BigInteger>> chunks = new ArrayList<>(cores);
                for (int part = 0; part < cores; part++) {
                    int from = (int) ((long) n * part / cores);
                    int to = (int) ((long) n * (part + 1) / cores);
                    chunks.add(workers.submit(() -> chunk(n, from, to, gil, trace)));
                }
                chunksPerN.add(chunks);
            }
            List<SquareSum> sums = new ArrayList<>(request.ns().size());
            for (int i = 0; i < request.ns().size(); i++) {
                BigInteger sum = BigInteger.ZERO;
                for (Future<BigInteger> chunk : chunksPerN.get(i)) {
                    sum = sum.add(Threads.await(chunk));
                }
                sums.add(new SquareSum(request.ns().get(i), sum));
            }
            return sums;
        }
    }

    /** Runs on a worker thread. The span is opened inside the lock, so it covers only the work. */
    private BigInteger chunk(int n, int from, int to, ReentrantLock gil, Trace trace) {
        if (!globalLock) {
            return sum(n, from, to, trace);
        }
        gil.lock();
        try {
            return sum(n, from, to, trace);
        } finally {
            gil.unlock();
        }
    }

    private static BigInteger sum(int n, int from, int to, Trace trace) {
        try (var running = trace.begin(SpanNames.sumPart(n, from, to))) {
            return SumOfSquares.range(from, to);
        }
    }
}
