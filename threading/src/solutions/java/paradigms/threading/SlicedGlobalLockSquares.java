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
 * Exercise {@code sliced-global-lock} — a TEACHING DEMO, as {@code Squares.underGlobalLock()}
 * is: the same chunks on the same threads, but the global lock is taken around every
 * {@value #SLICE} squares instead of around a whole chunk. CPython's lock is handed over like
 * this, every few milliseconds (its switch interval), not once per chunk.
 *
 * <p>What changes: the threads take turns hundreds of times instead of a few, so in a trace
 * both threads' work is spread over the whole run, finely interleaved. What does not: no two
 * slices ever run at the same moment, so the work is as serial as before — plus one lock
 * hand-over, and a parked thread's wake-up, per slice.
 *
 * <p><b>Threads:</b> one per core, {@code sliced-gil-squares-1 …}; each slice's span is opened
 * inside the lock, so it covers only the work done while holding it.
 */
final class SlicedGlobalLockSquares implements SquaresExercise {

    /** Squares computed per turn with the lock: 100,000 take well under a millisecond here. */
    static final int SLICE = 100_000;

    @Override
    public List<SquareSum> compute(SquaresRequest request, Trace trace) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        var gil = new ReentrantLock(true); // fair, as CPython hands its lock to a thread that waits for it
        try (ExecutorService workers = Threads.fixedPool("sliced-gil-squares", cores)) {
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

    /** Runs on a worker thread: the chunk, one slice per turn with the lock. */
    private static BigInteger chunk(int n, int from, int to, ReentrantLock gil, Trace trace) {
        BigInteger sum = BigInteger.ZERO;
        int start = from;
        while (start < to) {
            int end = Math.min(to, start + SLICE);
            gil.lock();
            try (var running = trace.begin(SpanNames.sumPart(n, start, end))) {
                sum = sum.add(SumOfSquares.range(start, end));
            } finally {
                gil.unlock();
            }
            start = end;
        }
        return sum;
    }
}
