package paradigms.greenlets;

import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.BlockingHttp;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.net.http.HttpClient;
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
 */
final class VirtualDownload {

    private VirtualDownload() {
    }

    static List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        var inFlight = new Semaphore(request.maxInFlight());
        List<Future<DownloadResult>> results = new ArrayList<>();
        // Closed in reverse order: the executor first (close() waits for every task), then the client.
        try (HttpClient client = BlockingHttp.newClient();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (URI url : request.urls()) {
                results.add(threads.submit(() -> {
                    inFlight.acquire(); // parks this virtual thread, not a carrier, until a permit is free
                    try (var running = trace.begin("GET " + url.getPath())) {
                        return BlockingHttp.download(client, url, request.timeout());
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            return Tasks.joinAll(threads, results); // in input order
        }
    }
}
