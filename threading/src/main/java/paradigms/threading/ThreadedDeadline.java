package paradigms.threading;

import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.BlockingHttp;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code deadline} on platform threads: the download of {@link ThreadedDownload} — one task
 * per URL on a pool of C threads — with an overall deadline and fail-fast, and the one thing a
 * blocked thread needs to be stopped: an <b>interrupt</b>.
 *
 * <p><b>The call's states</b> (the caller's thread drives them):
 * <pre>
 *   RUNNING    --every URL finished-----------------------------> CLOSING
 *   RUNNING    --a worker records the first failure-------------> CANCELLING
 *   RUNNING    --the deadline passes (the caller's timed wait)--> CANCELLING
 *   RUNNING    --the caller is interrupted, or a worker crashes-> CANCELLING, then rethrow
 *   CANCELLING --shutdownNow: queued tasks dropped, running ones interrupted--> CLOSING
 *   CLOSING    --pool closed (every worker done), then client closed--------> returned
 * </pre>
 * Which URL ended how is decided by the {@link DeadlineTally} alone: once it has ended, later
 * answers are ignored and every URL without an outcome is reported cancelled.
 *
 * <p><b>Why cancelling takes an interrupt.</b> A worker blocked in
 * {@link BlockingHttp#download} is parked in {@code CompletableFuture.get}; nothing it runs can
 * check a flag until the answer comes. {@link ExecutorService#shutdownNow()} interrupts every
 * worker thread: the parked {@code get} throws {@link InterruptedException}, and on its way out
 * {@code BlockingHttp} cancels the exchange's future, which aborts the request and closes its
 * connection — the server sees the client leave. ({@code HttpClient.send} would be interrupted
 * the same way.) A queued task never starts. {@code Future.cancel(false)} would do neither:
 * the future would say "cancelled" while the thread kept waiting for its answer
 * ({@code CancellationTest} shows both).
 *
 * <p><b>Threads and resources</b> (all made and closed by one call): {@code deadline-1 … deadline-C};
 * one {@link HttpClient} (its selector thread, its connections). They close in reverse order:
 * first the pool (its {@code close()} waits until every worker has finished), then the client
 * (which closes the connections it keeps alive and ends its selector thread). After the call,
 * nothing is running and nothing is open.
 */
final class ThreadedDeadline {

    private ThreadedDeadline() {
    }

    static DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        var tally = new DeadlineTally(request);
        int urls = request.urls().size();
        var unfinished = new AtomicInteger(urls);
        var over = new CountDownLatch(1);                  // counted down by the last answer or the first failure
        var crash = new AtomicReference<Throwable>();      // a worker's unexpected exception, rethrown by the caller
        try (HttpClient client = BlockingHttp.newClient();
             ExecutorService workers = Threads.fixedPool("deadline", Math.min(request.maxInFlight(), urls))) {
            try {
                for (int i = 0; i < urls; i++) {
                    int index = i;
                    workers.execute(() -> {
                        try {
                            fetch(index, client, request, tally, trace, unfinished, over);
                        } catch (InterruptedException cancelled) {
                            // shutdownNow: the call is over and the exchange has been aborted; just end.
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
                // Every path out — all finished, failed fast, deadline, the caller interrupted —
                // comes through here: drop the queued tasks and interrupt the running ones.
                workers.shutdownNow();
            }
        }
        if (crash.get() != null) {
            throw Threads.rethrow(crash.get());
        }
        return tally.result();
    }

    /** Runs on a worker: the baseline's fetch, plus "is the call still on?" before it starts. */
    private static void fetch(int index, HttpClient client, DeadlineRequest request, DeadlineTally tally, Trace trace,
                              AtomicInteger unfinished, CountDownLatch over) throws InterruptedException {
        if (tally.ended()) {
            return; // dequeued in the moment between the end and shutdownNow: do not start
        }
        URI url = request.urls().get(index);
        DownloadResult result;
        try (var running = trace.begin("GET " + url.getPath())) {
            result = BlockingHttp.download(client, url, request.requestTimeout()); // interruptible
        }
        boolean firstFailure = tally.record(index, result);
        if (firstFailure || unfinished.decrementAndGet() == 0) {
            over.countDown();
        }
    }
}
