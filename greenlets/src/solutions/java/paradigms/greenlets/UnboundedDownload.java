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

/**
 * Exercise {@code unbounded-download}: the chapter's {@code download} without its
 * {@code Semaphore} — a TEACHING DEMO of a bound forgotten, not a way to download.
 *
 * <p>Every URL still gets its answer, in input order: nothing is lost, and no thread runs out,
 * because a virtual thread per URL is cheap. What is gone is the bound: every thread sends its
 * request as soon as it runs, so the server sees up to N requests at once instead of C, and
 * {@code request.maxInFlight()} only sizes the client's pool of kept-alive connections. With
 * platform threads the pool's size was the bound and could not be forgotten; here it must be
 * written down.
 *
 * <p><b>Threads:</b> one virtual thread per URL; each parks in the socket read.
 */
final class UnboundedDownload implements DownloadExercise {

    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        // Closed in reverse order: the threads first (close() waits for every task), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DownloadResult>> answers = new ArrayList<>();
            for (URI url : request.urls()) {
                answers.add(threads.submit(() -> fetch(http, url, request, trace)));
            }
            return Tasks.joinAll(threads, answers); // in input order; a failure interrupts the others first
        }
    }

    /** Runs on the URL's virtual thread: no permit to wait for, so the request goes out at once. */
    private static DownloadResult fetch(SocketHttpClient http, URI url, DownloadRequest request, Trace trace)
            throws InterruptedException {
        try (var running = trace.begin(SpanNames.request(url));
             var life = trace.life(SpanNames.request(url), request.resumeLatency())) {
            return http.download(url, request.timeout(), life); // the thread parks in the socket's read
        }
    }
}
