package paradigms.greenlets;

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

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * {@code pipeline} on virtual threads: one virtual thread per URL fills a {@link BlockingBuffer}
 * of B pages, C permits bound the requests; the calling thread empties the buffer, processes
 * each page and collects the results.
 *
 * <p><b>Where backpressure comes from:</b> {@code buffer.put} parks a virtual thread while the
 * buffer is full, and that thread still holds its permit: it is released only once the page is
 * in the buffer. Released right after the fetch instead, the permits would bound requests in
 * flight and nothing else — every URL would be fetched while stage 2 worked on the first page,
 * and the pages would queue up in parked threads: an unbounded buffer by another name.
 *
 * <p><b>Threads:</b> each URL's virtual thread waits for a permit, fetches (parking in the
 * socket's read, its carrier free for others), waits for room, puts, and ends. Stage 2 and stage 3
 * run on the calling thread. If that is a platform thread, the kernel schedules it beside the
 * carriers, and stage 2's CPU work never holds up stage 1. A virtual thread doing CPU work would
 * hold its carrier until it parks — virtual threads are not time-sliced — which is why stage 2
 * is not given one here.
 *
 * <p>threading's {@code Pipeline} is this class but for how its downloader threads are made (a
 * pool of C platform threads, which is its own bound) and the semaphore.
 */
final class Pipeline implements PipelineExercise {

    @Override
    public PipelineResult run(PipelineRequest request, BufferLevel level, Trace trace) throws InterruptedException {
        int n = request.urls().size();
        var buffer = new BlockingBuffer<Fetched>(request.bufferSize(), level);
        var results = new ResultsInOrder(request);
        var inFlight = new Semaphore(request.maxInFlight());
        // Closed in reverse order: the threads first (close() waits for every task), then the client.
        try (var http = new SocketHttpClient(request.maxInFlight());
             ExecutorService downloaders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                downloaders.submit(() -> download(http, buffer, inFlight, index, request, trace));
            }
            try {
                for (int taken = 0; taken < n; taken++) {
                    process(buffer.take(), results, request, trace); // waits while the buffer is empty
                }
            } finally {
                if (!results.complete()) {
                    // Stage 2 stopped early (an interrupt, a failing work): the URLs' threads may wait for a
                    // permit, for room or in a read, and close() would wait for them for ever. An interrupt
                    // ends all three waits for a virtual thread (it closes the socket of a parked read).
                    downloaders.shutdownNow();
                }
            }
        }
        return results.result();
    }

    /** Runs on the URL's virtual thread: the same straight-line code as threading's downloaders. */
    private static Void download(SocketHttpClient http, BlockingBuffer<Fetched> buffer, Semaphore inFlight, int index,
                                 PipelineRequest request, Trace trace) throws InterruptedException {
        URI url = request.urls().get(index);
        inFlight.acquire(); // parks this virtual thread, not a carrier, until a permit is free
        try {
            Fetched page;
            try (var running = trace.begin(SpanNames.request(url))) {
                page = http.fetch(index, url, request.timeout()); // the thread parks in the socket's read
            }
            buffer.put(page); // the backpressure: while the buffer is full, this thread parks here, permit in hand
        } finally {
            inFlight.release();
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
