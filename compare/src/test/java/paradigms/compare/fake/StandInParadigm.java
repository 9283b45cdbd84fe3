package paradigms.compare.fake;

import paradigms.common.Claim;
import paradigms.common.DelegatingParadigm;
import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterResult;
import paradigms.common.download.DownloadResult;
import paradigms.common.download.DownloadExercise;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A stand-in for a concurrent chapter, for compare's own tests only (registered in the test
 * class path's {@code META-INF/services}): download and waiters on virtual threads, squares on
 * two platform threads, counter on virtual threads under a lock, everything else (deadline
 * included) forwarded to the sequential baseline (see {@link DelegatingParadigm}). With it, a test sees speedups, in-flight
 * counts above one, overlapping spans and thousands of tasks waiting at once without waiting
 * for the real chapters.
 *
 * <p>It keeps one resource between calls, as multiprocessing keeps its workers: a pool of two
 * threads for squares, started by {@link #startResources()}. Each call says whether it used the
 * kept pool or started its own, and closing the handle writes the tally to the log, so that a
 * test can tell that compare measured every squares run warm and started the pool once.
 */
public final class StandInParadigm extends DelegatingParadigm {

    /** The kept pool while a handle is open, else null. Static: compare's child finds the paradigm by ServiceLoader. */
    private static volatile ExecutorService kept;
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final AtomicInteger WARM_CALLS = new AtomicInteger();
    private static final AtomicInteger COLD_CALLS = new AtomicInteger();

    /** For the {@code ServiceLoader}: what is not written here is the sequential baseline's (see {@link DelegatingParadigm}). */
    public StandInParadigm() {
        super(new SequentialParadigm());
    }

    @Override
    public Started startResources() {
        int start = STARTS.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        kept = pool;
        return new Started() {
            @Override
            public String description() {
                return "a pool of 2 threads for squares (start " + start + " in this JVM)";
            }

            @Override
            public void close() {
                kept = null;
                pool.close();
                System.err.println("stand-in: " + WARM_CALLS.get() + " squares calls used the kept pool, "
                        + COLD_CALLS.get() + " started their own");
            }
        };
    }

    @Override
    public String name() {
        return "stand-in";
    }

    @Override
    public Set<Claim> claims() {
        return Set.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES);
    }

    @Override
    public DownloadExercise download() {
        return (request, trace) -> {
            var permits = new Semaphore(request.maxInFlight());
            try (var client = new SocketHttpClient(request.maxInFlight()); var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<DownloadResult>> pending = new ArrayList<>();
                for (var url : request.urls()) {
                    pending.add(threads.submit(() -> {
                        permits.acquire();
                        try (var span = trace.begin("GET " + url.getPath())) {
                            return client.download(url, request.timeout());
                        } finally {
                            permits.release();
                        }
                    }));
                }
                return results(pending);
            }
        };
    }

    @Override
    public SquaresExercise squares() {
        return (request, trace) -> {
            ExecutorService pool = kept;
            if (pool != null) {
                WARM_CALLS.incrementAndGet();
                return sums(pool, request.ns(), trace);
            }
            COLD_CALLS.incrementAndGet();
            try (var own = Executors.newFixedThreadPool(2)) {
                return sums(own, request.ns(), trace);
            }
        };
    }

    private static List<SquareSum> sums(ExecutorService pool, List<Integer> ns, Trace trace) throws InterruptedException {
        List<Future<SquareSum>> pending = new ArrayList<>();
        for (int n : ns) {
            pending.add(pool.submit(() -> {
                try (var span = trace.begin("squares n=" + n)) {
                    return new SquareSum(n, SumOfSquares.below(n));
                }
            }));
        }
        return results(pending);
    }

    private static <T> List<T> results(List<Future<T>> pending) throws InterruptedException {
        List<T> done = new ArrayList<>();
        for (Future<T> future : pending) {
            try {
                done.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return done;
    }

    /** Enough for the quick mode's 10,000; a test-only figure, not measured. */
    public static final Capacity CAPACITY = new Capacity(100_000, "a test stand-in: one virtual thread per task, not measured further");

    /** One virtual thread per task; a gate opens when all exist, so that all N wait at once. */
    @Override
    public WaitersExercise waiters() {
        return new WaitersExercise() {
            @Override
            public Capacity capacity() {
                return CAPACITY;
            }

            @Override
            public WaitersResult await(WaitersRequest request, Trace trace) throws InterruptedException {
                CAPACITY.check(request);
                var tally = new WaitTally(request);
                var gate = new Phaser(1); // the caller's arrive() opens it
                try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int task = 0; task < request.tasks(); task++) {
                        threads.execute(() -> {
                            long began = tally.begin();
                            try {
                                gate.awaitAdvanceInterruptibly(0);
                                Thread.sleep(request.waitFor()); // the task's wait: the exercise
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return; // not counted as completed: the caller was interrupted
                            }
                            tally.end(began);
                        });
                    }
                    gate.arrive();
                } // close() waits for every task
                return tally.result();
            }
        };
    }

    /** One virtual thread per task; a lock around read – yield – write, so nothing is lost. */
    @Override
    public CounterExercise counter() {
        return (request, counter, trace) -> {
                        var lock = new ReentrantLock(); // guards counter
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Void>> pending = new ArrayList<>();
                for (int task = 0; task < request.tasks(); task++) {
                    int id = task;
                    pending.add(threads.submit(() -> {
                        for (int i = 0; i < request.incrementsPerTask(); i++) {
                            lock.lock();
                            try {
                                long read = counter.read(id);
                                Thread.yield(); // the suspension between read and write
                                counter.write(id, read + 1);
                            } finally {
                                lock.unlock();
                            }
                        }
                        return null;
                    }));
                }
                results(pending);
            }
            lock.lock(); // the happens-before edge from the last write to this read
            try {
                return new CounterResult(counter.value(), request.expectedTotal());
            } finally {
                lock.unlock();
            }
        };
    }
}
