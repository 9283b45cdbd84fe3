package paradigms.asyncawait;

import paradigms.asyncawait.futures.AsyncHttp;
import paradigms.asyncawait.futures.AsyncQueue;
import paradigms.asyncawait.futures.AsyncSemaphore;
import paradigms.asyncawait.futures.Futures;
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
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code pipeline} as futures: download → process → collect, with an {@link AsyncQueue} of B
 * pages between stages 1 and 2. Read the chains as the {@code async def}s they stand for:
 * <pre>
 *   async def fetch(i, url):                       # stage 1: one chain per URL
 *       async with in_flight:                      # inFlight.withPermit(...), held until the put is done
 *           try: item = page(i, url, await get(url))
 *           except Exception as e: item = failure(i, url, e)      # .handle(...)
 *           await queue.put(item)                  # .thenComposeAsync(buffer::put, loop)
 *
 *   async def process():                           # stage 2: one page at a time
 *       for _ in urls:
 *           item = await queue.take()
 *           results.collect(item.index, await run_in_executor(worker, work, item))
 * </pre>
 * The permit is given back when the put's future completes — once the page is in — so a full
 * queue holds stage 1 back: no permit comes free, no request goes out. Stage 3 is
 * {@link ResultsInOrder}.
 *
 * <p><b>Where stage 2 runs, and why.</b> The pipeline's bookkeeping — every put, every take,
 * every permit handed on and so every new request — runs on one thread of the call's own, the
 * loop ({@code pipeline-loop}), as the exhibition runs on one: one place where the stages meet,
 * as asyncio has one loop. The page's work is CPU work; on the loop it would hold that thread
 * for as long as it computes, and stage 1's continuations would wait behind it in the loop's
 * queue — no page put, no permit handed on, no request sent ({@code PipelineStallLessonTest},
 * with {@link #stageTwoOnTheLoop()}). So the work goes to a worker thread
 * ({@code supplyAsync(…, worker)}: asyncio's {@code run_in_executor}), and only the result comes
 * back to the loop. One worker, because stage 2 takes one page at a time.
 *
 * <p><b>Threads:</b> the caller builds the chains and blocks once, in {@link Futures#await}; HTTP
 * answers arrive on the common pool and hop to the loop; the page's work runs on the worker. The
 * call owns the client, the loop and the worker, and closes all three before it returns. A
 * page's work that throws is a bug, not a failing URL: the call throws it.
 */
final class Pipeline implements PipelineExercise {

    private final boolean stageTwoOnTheLoop;

    /** The exercise: stage 2's work on a worker thread. */
    Pipeline() {
        this(false);
    }

    private Pipeline(boolean stageTwoOnTheLoop) {
        this.stageTwoOnTheLoop = stageTwoOnTheLoop;
    }

    /**
     * TEACHING DEMO: stage 2's work run on the loop thread. Correct results, a bounded queue — and
     * stage 1's continuations wait behind every page's work.
     */
    static Pipeline stageTwoOnTheLoop() {
        return new Pipeline(true);
    }

    @Override
    public PipelineResult run(PipelineRequest request, BufferLevel level, Trace trace) throws InterruptedException {
        var results = new ResultsInOrder(request);
        try (HttpClient client = AsyncHttp.newClient();
             ExecutorService loop = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("pipeline-loop").factory());
             ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("pipeline-stage-2").factory())) {
            var call = new Call(request, level, results, client, loop, stageTwoOnTheLoop ? loop : worker, trace);
            loop.execute(call::start);
            Futures.await(call.done, client::shutdownNow);
        } // closes the worker, then the loop, then the client: each waits for what it still runs
        return results.result();
    }

    /** The queue's watcher that keeps the level: told under the queue's lock, in the step that makes each change. */
    static AsyncQueue.Watcher<Fetched> reportingTo(BufferLevel level) {
        return new AsyncQueue.Watcher<>() {
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

    /** One call's chains. {@link #toCollect} is touched on the loop thread only. */
    private static final class Call {
        private final PipelineRequest request;
        private final ResultsInOrder results;
        private final HttpClient client;
        private final Executor loop;
        private final Executor stageTwo; // the worker; the loop in the teaching demo
        private final Trace trace;
        private final AsyncSemaphore inFlight;
        private final AsyncQueue<Fetched> buffer;
        /** Completes when every item is collected; exceptionally on a bug in our own chains or in the work. */
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private int toCollect;

        Call(PipelineRequest request, BufferLevel level, ResultsInOrder results, HttpClient client, Executor loop,
             Executor stageTwo, Trace trace) {
            this.request = request;
            this.results = results;
            this.client = client;
            this.loop = loop;
            this.stageTwo = stageTwo;
            this.trace = trace;
            this.inFlight = new AsyncSemaphore(request.maxInFlight());
            this.buffer = new AsyncQueue<>(request.bufferSize(), reportingTo(level));
            this.toCollect = request.urls().size();
        }

        /** On the loop: every URL's chain, then stage 2's first take. */
        void start() {
            for (int i = 0; i < request.urls().size(); i++) {
                fetch(i);
            }
            takeNext();
        }

        // ---------------------------------------------------------------- stage 1

        private void fetch(int index) {
            URI url = request.urls().get(index);
            inFlight.withPermit(() -> get(url)
                            .handle((response, error) -> error == null
                                    ? Fetched.ofResponse(index, url, response.statusCode(), response.body())
                                    : Fetched.ofError(index, url, error))
                            .thenComposeAsync(buffer::put, loop)) // the permit is held until this future completes
                    .whenComplete((ignored, bug) -> {
                        if (bug != null) {
                            done.completeExceptionally(bug); // a bug in our own chain: end the call loudly
                        }
                    });
        }

        private CompletableFuture<HttpResponse<byte[]>> get(URI url) {
            try (var sending = trace.begin(SpanNames.request(url))) {
                return AsyncHttp.get(client, url, request.timeout());
            }
        }

        // ---------------------------------------------------------------- stage 2 and 3

        /** On the loop: take one item, process it where stage 2 runs, collect it back on the loop — then the next. */
        private void takeNext() {
            if (toCollect == 0) {
                done.complete(null);
                return;
            }
            buffer.take()
                    .thenComposeAsync(item -> CompletableFuture
                            .supplyAsync(() -> process(item), stageTwo)
                            .thenAcceptAsync(processed -> collect(item, processed), loop), loop)
                    .exceptionally(bug -> {
                        done.completeExceptionally(bug);
                        return null;
                    });
        }

        private PipelineItem process(Fetched item) {
            try (var processing = trace.begin(SpanNames.process(item.url()))) {
                return request.work().apply(item);
            }
        }

        private void collect(Fetched item, PipelineItem processed) {
            results.collect(item.index(), processed);
            toCollect--;
            takeNext();
        }
    }
}
