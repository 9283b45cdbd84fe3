package paradigms.callbacks;

import paradigms.callbacks.http.LoopHttpClient;
import paradigms.callbacks.loop.BoundedQueue;
import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Permits;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.pipeline.PipelineItem;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.pipeline.ResultsInOrder;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code pipeline} in callbacks: download → process → collect, with a {@link BoundedQueue} of B
 * pages between stages 1 and 2, all on one event loop.
 *
 * <p><b>Stage 1</b> is {@link Download}'s nest with one more step: a URL takes a permit, GETs,
 * and its answer — page or failure — is {@code put} into the queue; the permit is released only
 * in the put's callback, once the page is in. So a download keeps its place among the C while
 * it waits for room, and a full queue holds stage 1 back: no permit comes free, no request goes
 * out. <b>Stage 2</b> takes one item, processes it, collects it, and only then takes the next.
 * <b>Stage 3</b> is {@link ResultsInOrder}: each item to its URL's place.
 *
 * <p><b>Where stage 2 runs, and why.</b> The page's work is CPU work, and the loop has one
 * thread: run there, it would stop everything else on the loop for as long as it computes — no
 * answer read, no request sent — and stage 1 would stall on every page
 * ({@code PipelineStallLessonTest} shows it, with {@link #stageTwoOnTheLoop()}). So the work is
 * sent to a worker thread with {@link EventLoop#runInExecutor}, and its result comes back to the
 * loop; meanwhile the loop goes on with stage 1. One worker, because stage 2 takes one page at a
 * time (that, with the queue, is what bounds stage 1).
 *
 * <p><b>Threads:</b> the caller runs the loop; every callback, the queue, the permits and the
 * results are the loop's. The worker thread only runs the page's work, and is closed before the
 * call returns. A page's work that throws is a bug, not a failing URL: everything outstanding is
 * cancelled and the call throws.
 */
final class Pipeline implements PipelineExercise {

    private final boolean stageTwoOnTheLoop;

    /** The exercise: stage 2's work offloaded to a worker thread. */
    Pipeline() {
        this(false);
    }

    private Pipeline(boolean stageTwoOnTheLoop) {
        this.stageTwoOnTheLoop = stageTwoOnTheLoop;
    }

    /**
     * TEACHING DEMO: stage 2's work run on the loop thread. Correct results, and the buffer stays
     * bounded — but while a page is processed the loop does nothing else, so stage 1 stalls.
     */
    static Pipeline stageTwoOnTheLoop() {
        return new Pipeline(true);
    }

    @Override
    public PipelineResult run(PipelineRequest request, BufferLevel level, Trace trace) {
        var results = new ResultsInOrder(request);
        ExecutorService worker = stageTwoOnTheLoop ? null
                : Executors.newSingleThreadExecutor(Thread.ofPlatform().name("pipeline-stage-2").factory());
        Call call;
        try (var loop = new EventLoop(); var client = new LoopHttpClient(loop)) {
            call = new Call(request, level, results, loop, client, worker, trace);
            call.start();
            loop.run(); // returns when nothing is left: every item collected, or everything cancelled
        } finally {
            if (worker != null) {
                worker.close(); // waits for the worker thread to end: nothing outlives the call
            }
        }
        if (call.bug != null) {
            throw new IllegalStateException("stage 2 failed on a page", call.bug);
        }
        return results.result(); // names the first URL without an item, if a callback was lost
    }

    /** The queue's watcher that keeps the level: told in the same step as each insertion and removal. */
    static BoundedQueue.Watcher<Fetched> reportingTo(BufferLevel level) {
        return new BoundedQueue.Watcher<>() {
            @Override
            public void entered(Fetched item, int size) {
                level.inserted();
            }

            @Override
            public void left(Fetched item, int size) {
                level.removed();
            }
        };
    }

    /** One call's state; loop thread only. */
    private static final class Call {
        private final PipelineRequest request;
        private final ResultsInOrder results;
        private final EventLoop loop;
        private final LoopHttpClient client;
        private final ExecutorService worker; // null: stage 2 on the loop (the teaching demo)
        private final Trace trace;
        private final Permits permits;
        private final BoundedQueue<Fetched> buffer;
        private int toCollect;
        private Throwable bug;

        Call(PipelineRequest request, BufferLevel level, ResultsInOrder results, EventLoop loop, LoopHttpClient client,
             ExecutorService worker, Trace trace) {
            this.request = request;
            this.results = results;
            this.loop = loop;
            this.client = client;
            this.worker = worker;
            this.trace = trace;
            this.permits = new Permits(loop, request.maxInFlight());
            this.buffer = new BoundedQueue<>(loop, request.bufferSize(), reportingTo(level));
            this.toCollect = request.urls().size();
        }

        void start() {
            for (int i = 0; i < request.urls().size(); i++) {
                int index = i;
                permits.acquire(() -> fetch(index));
            }
            takeNext();
        }

        // ---------------------------------------------------------------- stage 1

        private void fetch(int index) {
            if (bug != null) {
                permits.release(); // a grant already queued when the call was cancelled
                return;
            }
            URI url = request.urls().get(index);
            try (var sending = trace.begin(SpanNames.request(url))) {
                client.get(url, request.timeout(),
                        response -> hand(Fetched.ofResponse(index, url, response.status(), response.body())),
                        failure -> hand(Fetched.ofError(index, url, failure)));
            }
        }

        /** Into the queue; the permit is passed on only once the item is in — that is the backpressure. */
        private void hand(Fetched item) {
            if (bug != null) {
                return; // cancelled: the answer of a request that cancelEverything ended
            }
            buffer.put(item, permits::release);
        }

        // ---------------------------------------------------------------- stage 2 and 3

        private void takeNext() {
            if (toCollect > 0) {
                buffer.take(this::process);
            }
        }

        private void process(Fetched item) {
            if (worker == null) {
                try (var processing = trace.begin(SpanNames.process(item.url()))) {
                    collect(item, request.work().apply(item)); // THE DEMO: CPU work on the loop thread
                }
                return;
            }
            loop.runInExecutor(worker, () -> {
                try (var processing = trace.begin(SpanNames.process(item.url()))) { // on the worker thread
                    return request.work().apply(item);
                }
            }, (processed, error) -> { // back on the loop
                if (error != null) {
                    cancelEverything(error);
                } else {
                    collect(item, processed);
                }
            });
        }

        private void collect(Fetched item, PipelineItem processed) {
            results.collect(item.index(), processed);
            toCollect--;
            takeNext(); // one page at a time: the next take only now
        }

        /**
         * A bug in stage 2: nothing more is wanted. Every registration is undone, so that the loop
         * runs dry and {@code run()} returns: the waiting permits and puts, the requests in flight.
         */
        private void cancelEverything(Throwable error) {
            bug = error;
            permits.cancelWaiting();
            buffer.cancelWaiting();
            client.cancelAll("stage 2 failed: the pipeline is cancelled");
        }
    }
}
