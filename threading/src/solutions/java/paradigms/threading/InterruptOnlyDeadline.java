package paradigms.threading;

import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.threading.threads.Threads;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Exercise {@code interrupt-only}: the chapter's {@code deadline} cancelled by interrupts alone —
 * {@code Deadline} without the {@code http.close()} in its {@code finally}.
 *
 * <p>It still reports the right outcome (the {@link DeadlineTally} decides that the moment the
 * first failure or the deadline comes), and it still leaves nothing behind: the pool's
 * {@code close()} waits for every worker, and the client closes after it. What it loses is
 * <em>promptness</em>. {@code shutdownNow()} interrupts the workers, but a platform thread
 * blocked in a {@code java.net.Socket} read does not hear an interrupt: each worker reads on
 * until its server answers (or its request times out), and only then sees its interrupt flag.
 * The call returns when the slowest request in flight has ended — a cancellation in name only.
 *
 * <p><b>Threads:</b> {@code deadline-1 … deadline-C}, as in {@code Deadline}.
 */
final class InterruptOnlyDeadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        var tally = new DeadlineTally(request);
        int urls = request.urls().size();
        var unfinished = new AtomicInteger(urls);
        var over = new CountDownLatch(1);                  // counted down by the last answer or the first failure
        var crash = new AtomicReference<Throwable>();      // a worker's unexpected exception, rethrown by the caller
        // Closed in reverse order: the pool first — its close() waits for the workers still
        // reading, which is where this version spends its time — then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService workers = Threads.fixedPool("deadline", Math.min(request.maxInFlight(), urls))) {
            try {
                for (int i = 0; i < urls; i++) {
                    int index = i;
                    workers.execute(() -> {
                        try {
                            fetch(index, http, request, tally, trace, unfinished, over);
                        } catch (InterruptedException cancelled) {
                            // interrupted while waiting elsewhere than in the read: just end
                        } catch (Throwable e) {
                            crash.compareAndSet(null, e);
                            over.countDown();
                        }
                    });
                }
                if (!over.await(request.deadline().toNanos(), TimeUnit.NANOSECONDS)) {
                    tally.deadlinePassed();
                }
            } finally {
                workers.shutdownNow(); // drops the queued tasks; the interrupts do not reach a socket read
            }
        }
        if (crash.get() != null) {
            throw Threads.rethrow(crash.get());
        }
        return tally.result();
    }

    /** Runs on a worker: the baseline's fetch, plus "is the call still on?" before it starts. */
    private static void fetch(int index, SocketHttpClient http, DeadlineRequest request, DeadlineTally tally, Trace trace,
                              AtomicInteger unfinished, CountDownLatch over) throws InterruptedException {
        if (tally.ended()) {
            return;
        }
        URI url = request.urls().get(index);
        DownloadResult result;
        try (var running = trace.begin(SpanNames.request(url))) {
            result = http.download(url, request.requestTimeout()); // an interrupt does not end this read
        }
        boolean firstFailure = tally.record(index, result);
        if (firstFailure || unfinished.decrementAndGet() == 0) {
            over.countDown();
        }
    }
}
