package paradigms.threading;

import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.BlockingHttp;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.net.http.HttpClient;
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
 * {@code download-1 … download-C} each block inside {@link BlockingHttp#download} while the
 * kernel runs someone else. The {@link HttpClient} is shared: it is thread-safe, and one
 * client keeps one connection pool.
 */
final class ThreadedDownload {

    private ThreadedDownload() {
    }

    static List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        int threads = Math.min(request.maxInFlight(), request.urls().size());
        // Resources close in reverse order: first the pool (waiting for every task), then the client.
        try (HttpClient client = BlockingHttp.newClient();
             ExecutorService workers = Threads.fixedPool("download", threads)) {
            List<Future<DownloadResult>> answers = new ArrayList<>();
            for (URI url : request.urls()) {
                answers.add(workers.submit(() -> fetch(client, url, request, trace)));
            }
            List<DownloadResult> results = new ArrayList<>(answers.size());
            for (Future<DownloadResult> answer : answers) {
                results.add(Threads.await(answer));
            }
            return results;
        }
    }

    /** Runs on a worker: the same straight-line code as the sequential baseline. */
    private static DownloadResult fetch(HttpClient client, URI url, DownloadRequest request, Trace trace)
            throws InterruptedException {
        try (var running = trace.begin("GET " + url.getPath())) {
            return BlockingHttp.download(client, url, request.timeout());
        }
    }
}
