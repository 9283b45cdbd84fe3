package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncSemaphore;
import paradigms.asyncawait.futures.Futures;
import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * {@code counter} with futures: K chains, each M increments long, and each increment is
 * read – suspend – write on one {@link SharedCounter}. The suspension is an {@code await}: a
 * {@code thenCompose} onto a future that completes later, on an executor — here simply a hop
 * (an empty task) onto the call's executor, asyncio's {@code await asyncio.sleep(0)}.
 *
 * <p><b>Why updates get lost even on ONE thread.</b> A chain gives up its thread at the hop,
 * and another chain runs meanwhile — that is the whole point of an await. If that other chain
 * reads the counter in between, both write "the same value + 1", and one increment is gone.
 * No two steps ever run at the same time on a single-threaded executor, so there is no data
 * race; there is an <em>interleaving</em>, at every await. ({@code CounterLostUpdateTest} makes
 * one thread lose exactly (K − 1) × M of K × M.) With a multi-threaded executor it gets worse,
 * not different: steps also run at the same moment, and a chain's read and write may then
 * straddle another chain's on the other thread.
 *
 * <p><b>The fix, and the rejected one.</b> The exercise holds an {@link AsyncSemaphore} with one
 * permit — an asynchronous lock — from the read to the write, across the suspension: a chain
 * that wants to read while another is suspended is a pending future in the semaphore's queue,
 * not a blocked thread, and it is granted the permit when the holder has written. That is
 * exact on any executor, and this one has two threads on purpose, to show it. A single-thread
 * executor alone would NOT fix it: it serialises the steps, but the read and the write are two
 * steps with an await between them, and the interleaving happens exactly there (the lesson
 * test is that executor). What a single thread does buy is the absence of data races, which
 * is why asyncio's "no need for thread safety" holds only between awaits.
 * ({@code java.util.concurrent.locks.ReentrantLock} is rejected too: it is owned by a thread,
 * and the write after the hop may run on another thread than the read — it could not unlock.)
 *
 * <p><b>Why the total is exact:</b> only the permit holder reads or writes, so no read falls
 * between another chain's read and write. ({@link SharedCounter} makes each single read or
 * write whole and visible, as it records them for the contract; what a plain field would need
 * besides — a happens-before edge from the last write to the next read — the permit gives too:
 * every hand-over goes through the semaphore's monitor or completes the waiter's future, and
 * what a thread did before completing a future is seen by the code that runs after it.)
 *
 * <p><b>TEACHING DEMO:</b> {@link #unguarded} is the same chains without the permit. It loses
 * updates; the lesson test shows exactly how many.
 *
 * <p><b>Threads:</b> the caller (blocks once in {@link Futures#await}); {@code counter-1},
 * {@code counter-2} (or as many as asked), which run every step after the first.
 */
final class Counter implements CounterExercise {

    /** The exercise's executor: two threads, so that steps of different chains really run at the same moment. */
    static final int THREADS = 2;

    /** What a chain awaits between its read and its write: a future that completes later, on the executor. */
    @FunctionalInterface
    interface Suspension {
        CompletableFuture<Void> suspend(Executor executor);
    }

    /** The exercise's suspension: hop onto the executor — an empty task, queued behind whatever is waiting there. */
    static final Suspension HOP = executor -> CompletableFuture.runAsync(() -> { }, executor);

    private final int threads;
    private final boolean guarded;
    private final Suspension suspension;

    private Counter(int threads, boolean guarded, Suspension suspension) {
        this.threads = threads;
        this.guarded = guarded;
        this.suspension = suspension;
    }

    /** The exercise: an async lock (one permit) around read – hop – write, on {@value #THREADS} threads. Exact. */
    Counter() {
        this(THREADS, true, HOP);
    }

    static Counter withOnePermit(Suspension suspension) {
        return new Counter(THREADS, true, suspension);
    }

    /** TEACHING DEMO: no permit. Loses updates at every await where another chain reads meanwhile. */
    static Counter unguarded(int threads, Suspension suspension) {
        return new Counter(threads, false, suspension);
    }

    @Override
    public CounterResult count(CounterRequest request, SharedCounter counter, Trace trace) throws InterruptedException {
        var lock = new AsyncSemaphore(1); // guards counter: its holder alone reads and writes it
        try (ExecutorService executor = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("counter-", 1).factory())) {
            // Every chain is built and started in ONE step on the executor, not from the caller's
            // thread: so no chain's second step can run before the last chain has started, and the
            // order in which they interleave depends only on the executor's queue.
            CompletableFuture<Void> done = CompletableFuture.supplyAsync(() -> CompletableFuture.allOf(
                            IntStream.range(0, request.tasks())
                                    .mapToObj(task -> chain(task, request.incrementsPerTask(), counter, lock, executor, trace))
                                    .toArray(CompletableFuture<?>[]::new)), executor)
                    .thenCompose(allStarted -> allStarted);
            Futures.await(done, executor::shutdownNow);
        }
        return new CounterResult(counter.value(), request.expectedTotal());
    }

    /** One task: M increments, one after another — each step a {@code thenCompose}. */
    private CompletableFuture<Void> chain(int task, int increments, SharedCounter counter, AsyncSemaphore lock,
                                          Executor executor, Trace trace) {
        CompletableFuture<Void> steps = CompletableFuture.completedFuture(null);
        for (int i = 0; i < increments; i++) {
            steps = steps.thenCompose(previous -> guarded
                    ? lock.withPermit(() -> increment(task, counter, executor, trace))
                    : increment(task, counter, executor, trace));
        }
        return steps;
    }

    /** read – suspend – write: the shape in which updates get lost. */
    private CompletableFuture<Void> increment(int task, SharedCounter counter, Executor executor, Trace trace) {
        long read;
        try (var reading = trace.begin(SpanNames.read(task))) {
            read = counter.read(task);
        }
        return suspension.suspend(executor).thenRun(() -> { // await: another chain may run now...
            try (var writing = trace.begin(SpanNames.write(task))) {
                counter.write(task, read + 1);              // ...and if it read meanwhile, one increment is lost
            }
        });
    }
}
