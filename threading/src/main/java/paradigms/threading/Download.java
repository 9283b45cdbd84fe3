package paradigms.threading;

import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.SocketHttpClient;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.threading.threads.Threads;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code download} on platform threads: one task per URL, a pool of C threads.
 *
 * <p><b>How C is respected:</b> by the pool's size alone. A thread makes one blocking request
 * at a time, so C threads can never have more than C requests out; the other tasks wait in
 * the pool's queue. No semaphore is needed — the thread <em>is</em> the permit.
 *
 * <p><b>Threads:</b> the caller submits every URL, then blocks on the futures in input order
 * (so results come back in input order whatever order the answers arrive in). Workers
 * {@code download-1 … download-C} each sit in the socket read inside
 * {@link SocketHttpClient#download} while the kernel runs someone else. The client is shared:
 * it is thread-safe, each thread borrows a kept-alive connection of its own, and it keeps up
 * to C of them for the next requests.
 *
 * <p>greenlets' {@code Download} is this class line for line, but for how its threads
 * are made (one virtual thread per URL) and the semaphore that then bounds the requests.
 */
final class Download implements DownloadExercise {

    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        int workers = Math.min(request.maxInFlight(), request.urls().size());
        // Closed in reverse order: the threads first (close() waits for every task), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService threads = Threads.fixedPool("download", workers)) {
            List<Future<DownloadResult>> answers = new ArrayList<>();
            for (URI url : request.urls()) {
                answers.add(threads.submit(() -> fetch(http, url, request, trace)));
            }
            return inInputOrder(answers);
        }
    }

    /** Runs on a worker: the same straight-line code as the sequential baseline. */
    private static DownloadResult fetch(SocketHttpClient http, URI url, DownloadRequest request, Trace trace)
            throws InterruptedException {
        try (var running = trace.begin(SpanNames.request(url));
             var life = trace.life(SpanNames.request(url), request.resumeLatency())) {
            return http.download(url, request.timeout(), life); // the thread sits in the socket's read
        }
    }

    private static List<DownloadResult> inInputOrder(List<Future<DownloadResult>> answers) throws InterruptedException {
        List<DownloadResult> results = new ArrayList<>(answers.size());
        for (Future<DownloadResult> answer : answers) {
            results.add(Threads.await(answer));
        }
        return results;
    }
}
