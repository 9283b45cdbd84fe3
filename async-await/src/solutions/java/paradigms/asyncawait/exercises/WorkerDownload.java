package paradigms.asyncawait.exercises;

import paradigms.asyncawait.futures.AsyncHttp;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Exercise {@code worker-download}, solved: asyncio's worker pattern instead of a semaphore.
 * min(C, N) workers, each a chain that claims the next index, fetches that URL, records its
 * result, and composes to itself until no index is left:
 * <pre>
 *   async def worker():
 *       while (i := next_index()) &lt; len(urls):
 *           results[i] = result_of(await fetch(urls[i]))
 *   await gather(*[worker() for _ in range(C)])
 * </pre>
 * At most C requests are out because there are C chains and each has at most one out; exactly
 * C while URLs remain, because a chain claims its next URL the moment its last answer is in.
 *
 * <p><b>Input order</b> no longer falls out of a list of futures: results land in a slot per
 * index ({@code results}), written by whichever thread completed that fetch. An
 * {@link AtomicReferenceArray} makes each slot's write visible to the caller, who reads them
 * all after {@code gather} — and the happens-before of the gathered futures covers it too.
 *
 * <p><b>Threads:</b> the caller starts the C chains (the first fetches go out on it) and
 * blocks once in {@link Futures#await}; every later step runs on the thread that completed
 * the previous fetch (the common pool, see {@code AsyncHttp}). {@code next} is the only state
 * the workers share: one atomic counter hands each index to exactly one of them.
 *
 * <p><b>Why the composition does not grow the stack:</b> each round's {@code thenCompose}
 * waits for a network answer, so the next round runs later, from the thread that completes
 * it, never nested in the previous round's frame. (A chain that composed to already-completed
 * futures would recurse; this one never does.)
 */
public final class WorkerDownload implements DownloadExercise {

    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) throws InterruptedException {
        List<URI> urls = request.urls();
        try (HttpClient client = AsyncHttp.newClient()) {
            var results = new AtomicReferenceArray<DownloadResult>(urls.size());
            var next = new AtomicInteger();
            int workers = Math.min(request.maxInFlight(), urls.size());
            List<CompletableFuture<Void>> chains = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                chains.add(work(client, request, next, results, trace));
            }
            Futures.await(Futures.gather(chains), client::shutdownNow);
            List<DownloadResult> inOrder = new ArrayList<>(urls.size());
            for (int i = 0; i < urls.size(); i++) {
                inOrder.add(results.get(i));
            }
            return inOrder;
        }
    }

    /** One worker: claim an index, fetch, record, and again — until the URLs run out. */
    private static CompletableFuture<Void> work(HttpClient client, DownloadRequest request, AtomicInteger next,
                                                AtomicReferenceArray<DownloadResult> results, Trace trace) {
        int index = next.getAndIncrement();
        if (index >= request.urls().size()) {
            return CompletableFuture.completedFuture(null); // nothing left: this worker is done
        }
        URI url = request.urls().get(index);
        TaskLife life = trace.life(SpanNames.request(url), request.resumeLatency()); // this URL's task, from its claim
        life.waitingFor(Waited.SOCKET); // the request goes out: the chain waits for its answer
        return AsyncHttp.get(client, url, request.timeout())
                .handle((response, error) -> {
                    results.set(index, resultOf(url, response, error, life, trace));
                    return null;
                })
                .thenCompose(recorded -> work(client, request, next, results, trace)); // the loop, as a chain
    }

    /** The "except": a failed fetch is a result for its URL. The chain runs again here: the resume is noted first. */
    private static DownloadResult resultOf(URI url, HttpResponse<byte[]> response, Throwable error, TaskLife life, Trace trace) {
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
