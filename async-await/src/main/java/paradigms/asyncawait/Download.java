package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncHttp;
import paradigms.asyncawait.futures.AsyncSemaphore;
import paradigms.asyncawait.futures.Futures;
import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;
import paradigms.common.trace.Waited;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code download} as futures: one chain per URL, started all at once, at most C of them past
 * the semaphore at any moment.
 *
 * <p>Read a chain as the {@code async def} it stands for:
 * <pre>
 *   async with in_flight:                  # inFlight.withPermit(...)
 *       response = await fetch(url)        # AsyncHttp.get(...)
 *       return result_of(response)         # .handle(...): errors become results, like try/except
 * </pre>
 *
 * <p><b>A URL's task</b> begins when its permit is granted ({@link #fetch}): its life
 * ({@link TaskLife}) waits for its socket from the moment the request goes out, and the chain
 * runs again in {@code handle} — which notes the resume first, with the server's send stamp
 * ({@link AsyncHttp#sentAt}).
 * Between the two moments: the JDK client's selector thread reading the answer, its hop to the
 * common pool, and the wait in that pool's queue behind every other continuation of the JVM.
 *
 * <p><b>Threads:</b> the loop below runs on the caller's thread and only builds chains: the
 * first C fetches start on it, because their permits are free. Everything after that runs on
 * the thread that completes the responses — the common pool's, see {@link AsyncHttp}: it runs
 * a response's {@code handle}, and its release of the permit starts the next waiting fetch,
 * right there. The caller's thread blocks exactly once, in {@link Futures#await}.
 */
final class Download implements DownloadExercise {

    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        try (HttpClient client = AsyncHttp.newClient()) {
            var inFlight = new AsyncSemaphore(request.maxInFlight());
            List<CompletableFuture<DownloadResult>> results = new ArrayList<>();
            for (URI url : request.urls()) {
                results.add(inFlight.withPermit(() -> fetch(client, url, request, trace)));
            }
            // The futures are in input order in `results`; gather reads them back in that order.
            return Futures.await(Futures.gather(results), client::shutdownNow);
        }
    }

    /** One URL's task, from its permit on: it sends the request and suspends until the answer, or a failure, is in. */
    private static CompletableFuture<DownloadResult> fetch(HttpClient client, URI url, DownloadRequest request, Trace trace) {
        TaskLife life = trace.life(SpanNames.request(url), request.resumeLatency());
        life.waitingFor(Waited.SOCKET); // the request goes out: the chain waits for its answer
        return AsyncHttp.get(client, url, request.timeout())
                .handle((response, error) -> resultOf(url, response, error, life, trace));
    }

    /**
     * The "except" of the chain: a failed fetch is a result for its URL, never an exception for all.
     * Also where the chain runs again with its answer: the resume is noted first.
     */
    private static DownloadResult resultOf(URI url, HttpResponse<byte[]> response, Throwable error, TaskLife life,
                                           Trace trace) {
        life.resumed(AsyncHttp.sentAt(response)); // the chain runs again: first thing, it says so
        try (var running = trace.begin(SpanNames.answered(url))) {
            return error == null
                    ? DownloadResult.ofResponse(url, response.statusCode(), response.body())
                    : DownloadResult.ofError(url, error);
        } finally {
            life.ended();
        }
    }
}
