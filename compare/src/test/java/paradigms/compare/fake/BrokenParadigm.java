package paradigms.compare.fake;

import paradigms.common.Claim;
import paradigms.common.DelegatingParadigm;
import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterResult;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.DownloadExercise;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.sequential.SequentialParadigm;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresExercise;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.common.trace.Trace;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A paradigm that goes wrong in the ways compare must survive, for compare's own tests
 * (registered in the test class path's {@code META-INF/services}):
 * <ul>
 *   <li>download ends its JVM on the spot (a crash: compare must record it and start a fresh
 *       child for the cases left);</li>
 *   <li>squares returns wrong sums (a wrong result: shown, and marked);</li>
 *   <li>waiters wakes every task at half its wait (early: marked wrong);</li>
 *   <li>counter loses updates, exactly (K − 1) × M of K × M: every task reads, all wait at a
 *       barrier, every task writes what it read plus one;</li>
 *   <li>deadline forgets to cancel: it returns at the failure or the deadline, and leaves its
 *       requests in flight, its client open and its threads running (marked wrong: "left
 *       behind"). They are daemon threads, so that the child JVM still exits.</li>
 * </ul>
 * Every other exercise is the sequential baseline's (see {@link DelegatingParadigm}).
 */
public final class BrokenParadigm extends DelegatingParadigm {

    /** The exit code of the crash, so that a test can find it in the reason. */
    public static final int CRASH_CODE = 37;

    /** Enough for compare's quick mode; the tasks misbehave, the capacity is beside the point. */
    public static final Capacity CAPACITY = new Capacity(1_000, "a test paradigm that wakes its tasks early");

    /** For the {@code ServiceLoader}: what is not broken here is the baseline's. */
    public BrokenParadigm() {
        super(new SequentialParadigm());
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public Set<Claim> claims() {
        return Set.of();
    }

    @Override
    public DownloadExercise download() {
        return (request, trace) -> {
            System.err.println("the broken paradigm ends its JVM now");
            Runtime.getRuntime().halt(CRASH_CODE);
            throw new AssertionError("unreachable");
        };
    }

    @Override
    public SquaresExercise squares() {
        return (request, trace) -> request.ns().stream().map(n -> new SquareSum(n, BigInteger.ZERO)).toList();
    }

    /** Every task sleeps half its wait: all of them early. */
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
                try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int task = 0; task < request.tasks(); task++) {
                        threads.execute(() -> {
                            long began = tally.begin();
                            try {
                                Thread.sleep(request.waitFor().dividedBy(2)); // the bug
                            } catch (InterruptedException e) {
                                return;
                            }
                            tally.end(began);
                        });
                    }
                }
                return tally.result();
            }
        };
    }

    /** Each round, all K tasks read the same value before any writes: K − 1 of every K increments are lost. */
    @Override
    public CounterExercise counter() {
        return (request, counter, trace) -> {
                        var allRead = new CyclicBarrier(request.tasks());
            var allWrote = new CyclicBarrier(request.tasks()); // its await is also what makes the writes visible
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Void>> tasks = new ArrayList<>();
                for (int task = 0; task < request.tasks(); task++) {
                    int id = task;
                    tasks.add(threads.submit(() -> {
                        for (int i = 0; i < request.incrementsPerTask(); i++) {
                            long read = counter.read(id);
                            allRead.await();           // the suspension, held open until every task has read
                            counter.write(id, read + 1); // all write the same value
                            allWrote.await();
                        }
                        return null;
                    }));
                }
                for (Future<Void> task : tasks) {
                    try {
                        task.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(e.getCause() instanceof BrokenBarrierException ? e : e.getCause());
                    }
                }
            }
            return new CounterResult(counter.value(), request.expectedTotal());
        };
    }

    /**
     * All URLs at once (C ignored), each on a daemon thread of its own through one client; the
     * call returns at the first failure or the deadline — and cancels nothing, closes nothing.
     */
    @Override
    public DeadlineExercise deadline() {
        return (request, trace) -> {
            var tally = new DeadlineTally(request);
            var over = new CountDownLatch(1);
            var outstanding = new AtomicInteger(request.urls().size());
            var client = new SocketHttpClient(); // never closed: the bug
            for (int i = 0; i < request.urls().size(); i++) {
                int index = i;
                Thread.ofPlatform().daemon().name("broken-deadline-" + i).start(() -> {
                    try {
                        var result = client.download(request.urls().get(index), request.requestTimeout());
                        if (tally.record(index, result) || outstanding.decrementAndGet() == 0) {
                            over.countDown();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            if (!over.await(request.deadline().toMillis(), TimeUnit.MILLISECONDS)) {
                tally.deadlinePassed();
            }
            return tally.result();
        };
    }
}
