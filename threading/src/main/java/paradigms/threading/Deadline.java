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
 * {@code deadline} on platform threads: the download of {@link Download} — one task
 * per URL on a pool of C threads — with an overall deadline and fail-fast, and the one thing a
 * blocked thread needs to be stopped: its <b>socket closed</b>.
 *
 * <p><b>The call's states</b> (the caller's thread drives them):
 * <pre>
 *   RUNNING    --every URL finished-----------------------------> CLOSING
 *   RUNNING    --a worker records the first failure-------------> CANCELLING
 *   RUNNING    --the deadline passes (the caller's timed wait)--> CANCELLING
 *   RUNNING    --the caller is interrupted, or a worker crashes-> CANCELLING, then rethrow
 *   CANCELLING --shutdownNow: queued tasks dropped, running ones interrupted;
 *                then the client closed: every socket closed, every blocked read woken--> CLOSING
 *   CLOSING    --pool closed (every worker done), client closed (again: no-op)--------> returned
 * </pre>
 * Which URL ended how is decided by the {@link DeadlineTally} alone: once it has ended, later
 * answers are ignored and every URL without an outcome is reported cancelled.
 *
 * <p><b>Why cancelling takes closing the sockets.</b> A worker blocked in
 * {@link SocketHttpClient#download} sits in a socket read in the kernel; nothing it runs can
 * check a flag until bytes come. {@link ExecutorService#shutdownNow()} interrupts every worker
 * thread, but an interrupt does not end a platform thread's socket read: the thread would wait
 * out its request's timeout. (It does stop a worker waiting elsewhere, and a queued task never
 * starts.) Closing the client closes every connection, in use included: the blocked read ends
 * with a {@link java.net.SocketException}, the client sees the interrupt flag and throws
 * {@link InterruptedException}, and the server sees the client leave. {@code Future.cancel(false)}
 * would do nothing of this: the future would say "cancelled" while the thread kept waiting for
 * its answer ({@code CancellationTest} shows all three).
 *
 * <p><b>Threads and resources</b> (all made and closed by one call): {@code deadline-1 … deadline-C};
 * one {@link SocketHttpClient} (its connections). After the call, nothing is running and nothing is open.
 */
final class Deadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException {
        var tally = new DeadlineTally(request);
        int urls = request.urls().size();
        var unfinished = new AtomicInteger(urls);
        var over = new CountDownLatch(1);                  // counted down by the last answer or the first failure
        var crash = new AtomicReference<Throwable>();      // a worker's unexpected exception, rethrown by the caller
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService workers = Threads.fixedPool("deadline", Math.min(request.maxInFlight(), urls))) {
            try {
                for (int i = 0; i < urls; i++) {
                    int index = i;
                    workers.execute(() -> {
                        try {
                            fetch(index, http, request, tally, trace, unfinished, over);
                        } catch (InterruptedException cancelled) {
                            // shutdownNow and the client's close: the call is over, the connection closed; just end.
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
                // comes through here: drop the queued tasks and interrupt the running ones...
                workers.shutdownNow();
                // ...and, since an interrupt does not end a platform thread's socket read, close
                // every connection: the workers still reading wake at once. Before the pool's
                // close(), which waits for them.
                http.close();
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
            return; // dequeued in the moment between the end and shutdownNow: do not start
        }
        URI url = request.urls().get(index);
        DownloadResult result;
        try (var running = trace.begin(SpanNames.request(url))) {
            result = http.download(url, request.requestTimeout()); // the thread sits in the socket's read
        }
        boolean firstFailure = tally.record(index, result);
        if (firstFailure || unfinished.decrementAndGet() == 0) {
            over.countDown();
        }
    }
}
