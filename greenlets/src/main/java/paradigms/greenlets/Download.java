package paradigms.greenlets;

import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.greenlets.virtual.Tasks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The {@code download} exercise: one virtual thread per URL, a {@link Semaphore} for the bound.
 *
 * <p>Every URL gets its thread at once — N threads, not C — because a virtual thread that
 * waits for a permit costs a few kilobytes of heap, not an OS thread. The bound on requests in
 * flight is then said exactly where it applies: around the request, with C permits.
 *
 * <p><b>Threads:</b> the caller submits every URL, then waits for the answers in input order.
 * Each virtual thread parks in the socket read inside {@link SocketHttpClient#download} — the
 * same client and the same read as threading's workers — and unmounts from its carrier while
 * it waits; the JDK's poller makes it runnable again when bytes arrive.
 *
 * <p>threading's {@code Download} is this class line for line, but for how its threads
 * are made (a pool of C platform threads, which is its own bound) and the semaphore.
 */
final class Download implements DownloadExercise {

    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        var inFlight = new Semaphore(request.maxInFlight());
        // Closed in reverse order: the threads first (close() waits for every task), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DownloadResult>> answers = new ArrayList<>();
            for (URI url : request.urls()) {
                answers.add(threads.submit(() -> fetch(http, url, request, trace, inFlight)));
            }
            return inInputOrder(threads, answers);
        }
    }

    /** Runs on the URL's virtual thread: the same straight-line code as the sequential baseline. */
    private static DownloadResult fetch(SocketHttpClient http, URI url, DownloadRequest request, Trace trace,
                                        Semaphore inFlight) throws InterruptedException {
        inFlight.acquire(); // parks this virtual thread, not a carrier, until a permit is free
        try (var running = trace.begin(SpanNames.request(url));
             var life = trace.life(SpanNames.request(url), request.resumeLatency())) {
            return http.download(url, request.timeout(), life); // the thread parks in the socket's read
        } finally {
            inFlight.release();
        }
    }

    private static List<DownloadResult> inInputOrder(ExecutorService threads, List<Future<DownloadResult>> answers)
            throws InterruptedException {
        return Tasks.joinAll(threads, answers); // a failure interrupts the others first
    }
}
