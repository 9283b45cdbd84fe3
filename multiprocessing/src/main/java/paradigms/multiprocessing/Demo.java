package paradigms.multiprocessing;

import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.squares.SquareSum;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.squares.SumOfSquares;
import paradigms.common.trace.Span;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.ChildProcess;
import paradigms.multiprocessing.pool.PoolWorker;
import paradigms.multiprocessing.pool.ProcessPool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The chapter in a few seconds: a pool of two child JVMs starts (and says what that cost),
 * sums squares on two cores, returns results as they finish, survives a worker killed in the
 * middle of a task, and closes without leaving a process behind. Then a counter in the parent,
 * incremented by two worker processes through calls: without a lease it loses updates, with
 * one it does not.
 *
 * <p>{@code ./mvnw -q -pl multiprocessing -am compile exec:java}. The chapter's figures come
 * from compare (its main job, and {@code --bench thread-cost} for a JVM's start-up).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        try (var pool = Workers.start(2)) {
            System.out.printf("== a pool of 2 child JVMs, ready in %d ms%n", pool.startupTime().toMillis());
            for (PoolWorker worker : pool.workers()) {
                System.out.printf("   %s: spawned to \"ready\" in %d ms%n", worker.child(), worker.child().readyAfter().toMillis());
            }
            squares(pool);
            unordered(pool);
            killOneMidTask(pool);
        }
        System.out.printf("%n== closed; child processes left: %d%n", ProcessHandle.current().children().count());
        counter();
    }

    private static void counter() throws InterruptedException {
        var request = new CounterRequest(10, 100);
        System.out.printf("%n== a counter in the parent; %d tasks on 2 worker processes each read it, yield, write read + 1, %d times%n",
                request.tasks(), request.incrementsPerTask());
        CounterResult unguarded = Counter.unguarded(2, null).count(request, Trace.off());
        System.out.printf("   read, then write, each a call:      %d of %d (%d updates lost)%n",
                unguarded.total(), unguarded.expected(), unguarded.lostUpdates());
        CounterResult leased = Counter.leased(2, null).count(request, Trace.off());
        System.out.printf("   lease (read and hold), then write:  %d of %d (%d updates lost)%n",
                leased.total(), leased.expected(), leased.lostUpdates());
    }

    private static void squares(ProcessPool pool) throws InterruptedException {
        var request = SquaresRequest.realPythonExample();
        int chunk = ProcessPool.evenChunkSize(request.ns().size(), pool.size());
        System.out.printf("%n== squares of Real Python's 20 n's on %d processes, in chunks of %d%n", pool.size(), chunk);
        Trace trace = Trace.recording();
        long sequential = time(() -> request.ns().forEach(SumOfSquares::below));
        long first = time(() -> new Squares().compute(pool, request, Trace.off()));
        long second = time(() -> new Squares().compute(pool, request, Trace.off()));
        List<SquareSum> sums = new Squares().compute(pool, request, trace);
        long origin = trace.spans().getFirst().startMicros();
        for (Span span : trace.spans()) {
            System.out.printf("   %-28s %-9s from %+6.1f ms to %+6.1f ms%n", span.task(), span.process(),
                    (span.startMicros() - origin) / 1e3, (span.endMicros() - origin) / 1e3);
        }
        boolean exact = sums.stream().allMatch(sum -> sum.sum().equals(SumOfSquares.closedForm(sum.n())));
        System.out.printf("   all %d sums equal the closed form n(n-1)(2n-1)/6: %s%n", sums.size(), exact);
        System.out.printf("   this JVM alone (cold): %d ms; the pool, first call (cold workers): %d ms, second: %d ms%n",
                sequential / 1_000_000, first / 1_000_000, second / 1_000_000);
        System.out.println("   (the workers' JIT compilers start cold: compare measures warm figures)");
    }

    private static void unordered(ProcessPool pool) throws InterruptedException {
        System.out.printf("%n== unordered: three opponents think for 300, 100 and 200 ms on 2 workers; as they finish:%n");
        List<Exhibition.ThinkJob> jobs = List.of(
                new Exhibition.ThinkJob(0, 0, Duration.ofMillis(300)),
                new Exhibition.ThinkJob(1, 0, Duration.ofMillis(100)),
                new Exhibition.ThinkJob(2, 0, Duration.ofMillis(200)));
        long started = System.nanoTime();
        var completions = pool.unordered(jobs, Trace.off());
        while (completions.hasNext()) {
            var done = completions.next();
            System.out.printf("   %s after %d ms%n", jobs.get(done.index()).label(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void killOneMidTask(ProcessPool pool) throws Exception {
        System.out.printf("%n== a worker killed in the middle of a task%n");
        long started = System.nanoTime();
        CompletableFuture<Void> job = pool.submit(new Exhibition.ThinkJob(0, 0, Duration.ofMillis(1_000)), Trace.off());
        PoolWorker busy = null;
        while (busy == null) { // the job reaches a worker within milliseconds
            busy = pool.workers().stream().filter(w -> w.state() == PoolWorker.State.BUSY).findFirst().orElse(null);
            Thread.onSpinWait();
        }
        ChildProcess victim = busy.child();
        System.out.printf("   %s is thinking for 1000 ms; SIGKILL to it%n", victim);
        victim.kill();
        job.get();
        System.out.printf("   the job finished anyway after %d ms: retried once on %s; crashes so far: %d%n",
                (System.nanoTime() - started) / 1_000_000, busy.child(), pool.crashes());
    }

    private interface Work {
        void run() throws InterruptedException;
    }

    private static long time(Work work) throws InterruptedException {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }
}
