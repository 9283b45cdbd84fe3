package paradigms.threading;

import paradigms.common.http.SocketHttpClient;
import paradigms.common.pipeline.BlockingBuffer;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.pipeline.ResultsInOrder;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.threading.threads.Threads;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code pipeline} on platform threads: C downloader threads fill a {@link BlockingBuffer} of B
 * pages; the calling thread empties it, processes each page and collects the results.
 *
 * <p><b>Where backpressure comes from:</b> {@code buffer.put} blocks while the buffer is full.
 * A downloader that has a page and no room sits in {@code put} — and, being one of only C
 * threads, it is not fetching meanwhile. The thread is the permit, as in {@code Download}, and
 * it is given back only when the page is in the buffer; so the server never sees more requests
 * than the pages stage 2 has taken plus B plus C.
 *
 * <p><b>Threads:</b> {@code download-1 … download-C} each claim the next URL (an atomic counter
 * hands each index out once), fetch it, and put the page — or its failure — into the buffer.
 * Stage 2 and stage 3 run on the calling thread: take, process, collect, N times. That thread is
 * a platform thread like the downloaders, so the kernel pre-empts and schedules it like them:
 * stage 2's CPU work runs beside stage 1's waiting, on another core or in time slices, and
 * never stalls it.
 *
 * <p>greenlets' {@code Pipeline} is this class but for how its downloader threads are made (one
 * virtual thread per URL) and the semaphore that then bounds them.
 */
final class Pipeline implements PipelineExercise {

    @Override
    public PipelineResult run(PipelineRequest request, BufferLevel level, Trace trace) throws InterruptedException {
        int n = request.urls().size();
        var buffer = new BlockingBuffer<Fetched>(request.bufferSize(), level);
        var results = new ResultsInOrder(request);
        var nextUrl = new AtomicInteger();
        // Closed in reverse order: the threads first (close() waits for every task), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService downloaders = Threads.fixedPool("download", Math.min(request.maxInFlight(), n))) {
            for (int d = 0; d < Math.min(request.maxInFlight(), n); d++) {
                downloaders.submit(() -> download(http, buffer, nextUrl, request, trace));
            }
            try {
                for (int taken = 0; taken < n; taken++) {
                    process(buffer.take(), results, request, trace); // waits while the buffer is empty
                }
            } finally {
                if (!results.complete()) {
                    // Stage 2 stopped early (an interrupt, a failing work): downloaders may sit in a full
                    // buffer's put or a socket's read, and close() would wait for them for ever. An interrupt
                    // ends the put; closing the client ends the read (a platform thread ignores interrupts there).
                    downloaders.shutdownNow();
                    http.close();
                }
            }
        }
        return results.result();
    }

    /** Runs on a downloader: straight-line code, one URL after another, until none is left. */
    private static Void download(SocketHttpClient http, BlockingBuffer<Fetched> buffer, AtomicInteger nextUrl,
                                 PipelineRequest request, Trace trace) throws InterruptedException {
        for (int i = nextUrl.getAndIncrement(); i < request.urls().size(); i = nextUrl.getAndIncrement()) {
            URI url = request.urls().get(i);
            Fetched page;
            try (var running = trace.begin(SpanNames.request(url))) {
                page = http.fetch(i, url, request.timeout()); // the thread sits in the socket's read
            }
            buffer.put(page); // the backpressure: while the buffer is full, this thread waits here
        }
        return null;
    }

    /** Stages 2 and 3, on the calling thread. */
    private static void process(Fetched item, ResultsInOrder results, PipelineRequest request, Trace trace) {
        try (var running = trace.begin(SpanNames.process(item.url()))) {
            results.collect(item.index(), request.work().apply(item));
        }
    }
}
