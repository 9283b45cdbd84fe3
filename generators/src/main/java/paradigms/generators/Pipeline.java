package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.http.HttpResponse;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.pipeline.PipelineItem;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.pipeline.ResultsInOrder;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Offload;
import paradigms.generators.coroutine.Queue;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code pipeline} as coroutines: download → process → collect, with the coroutine
 * {@link Queue} of B places between stages 1 and 2. In Python:
 * <pre>
 * async def fetch(i, url):                         # stage 1: a task per URL
 *     async with permits:                          # held until the page is in the queue
 *         try:
 *             item = page(i, url, await client.get(url))
 *         except Exception as e:
 *             item = failure(i, url, e)
 *         await queue.put(item)                    # waits while the queue is full
 *
 * async def process(n):                            # stage 2: one task, one page at a time
 *     for _ in range(n):
 *         item = await queue.get()
 *         results.collect(item.index, await loop.run_in_executor(worker, work, item))
 *
 * await gather(process(n), *[fetch(i, url) for i, url in enumerate(urls)])
 * </pre>
 * A download keeps its permit until its item is in the queue, so a full queue holds stage 1 back:
 * no permit comes free, no request goes out. Stage 3 is {@link ResultsInOrder}.
 *
 * <p><b>Where stage 2 runs, and why.</b> Every coroutine runs on the loop thread, and a coroutine
 * gives the loop back only at a {@code yield}: the page's CPU work has none, so run in the
 * coroutine it would hold the loop for as long as it computes — no answer read, no request sent,
 * stage 1 stalled on every page ({@code PipelineStallLessonTest}, with
 * {@link #stageTwoOnTheLoop()}). So stage 2 yields the work's future instead: {@link Offload}
 * runs it on a worker thread, and the coroutine is resumed with its result while the loop went
 * on with stage 1. One worker: stage 2 takes one page at a time.
 *
 * <p><b>Threads:</b> the caller runs the loop; every coroutine, the queue, the permits and the
 * results are the loop's. The worker thread runs only the page's work, and is closed before the
 * call returns. A page's work that throws is a bug, not a failing URL: it fails stage 2, the
 * gather cancels every other task (each releases what it holds), and the call throws.
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
     * TEACHING DEMO: stage 2's work run inside the coroutine, on the loop thread. Correct results,
     * a bounded queue — and the loop does nothing else while a page is processed.
     */
    static Pipeline stageTwoOnTheLoop() {
        return new Pipeline(true);
    }

    @Override
    public PipelineResult run(PipelineRequest request, BufferLevel level, Trace trace) {
        var results = new ResultsInOrder(request);
        ExecutorService worker = stageTwoOnTheLoop ? null
                : Executors.newSingleThreadExecutor(Thread.ofPlatform().name("pipeline-stage-2").factory());
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
            try (var client = new CoroutineHttpClient(scheduler)) {
                var permits = new Semaphore(scheduler, "requests in flight", request.maxInFlight());
                var buffer = new Queue<Fetched>(scheduler, "pages", request.bufferSize(), reportingTo(level));
                List<Coroutine<Void>> stages = new ArrayList<>();
                stages.add(new ProcessAll(scheduler, buffer, request, results, worker, trace));
                for (int i = 0; i < request.urls().size(); i++) {
                    stages.add(new FetchAndPut(i, request.urls().get(i), request.timeout(), client, permits, buffer));
                }
                scheduler.run(new Gather<>(scheduler, "pipeline of " + request.urls().size() + " URLs", stages));
            }
        } finally {
            if (worker != null) {
                worker.close(); // waits for the worker thread to end: nothing outlives the call
            }
        }
        return results.result();
    }

    /** The queue's watcher that keeps the level: told in the same step as each insertion and removal. */
    static Queue.Watcher<Fetched> reportingTo(BufferLevel level) {
        return new Queue.Watcher<>() {
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

    /** Stage 1 for one URL: a permit, the GET, the answer into the queue, and only then the permit back. */
    static final class FetchAndPut extends Coroutine<Void> {

        private enum State { START, WAITING_FOR_PERMIT, FETCHING, PUTTING, DONE }

        private final int index;
        private final URI url;
        private final Duration timeout;
        private final CoroutineHttpClient client;
        private final Semaphore permits;
        private final Queue<Fetched> buffer;
        private State state = State.START;
        private boolean holdingPermit;

        FetchAndPut(int index, URI url, Duration timeout, CoroutineHttpClient client, Semaphore permits, Queue<Fetched> buffer) {
            this.index = index;
            this.url = url;
            this.timeout = timeout;
            this.client = client;
            this.permits = permits;
            this.buffer = buffer;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    state = State.WAITING_FOR_PERMIT;
                    return yieldFrom(permits.acquire());
                }
                case WAITING_FOR_PERMIT -> {
                    holdingPermit = true;
                    state = State.FETCHING;
                    return yieldFrom(client.get(url, timeout));
                }
                case FETCHING -> {
                    HttpResponse response = (HttpResponse) sent;
                    return put(Fetched.ofResponse(index, url, response.status(), response.body()));
                }
                case PUTTING -> {
                    state = State.DONE;
                    return returning(null); // cleanUp gives the permit back: the item is in
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        /** {@code except Exception as e: item = failure(...)} — but a cancellation goes on. */
        @Override
        protected Step<Void> resumeThrowing(Exception thrown) throws Exception {
            if (state == State.FETCHING && !(thrown instanceof CancellationException)) {
                return put(Fetched.ofError(index, url, thrown));
            }
            throw thrown;
        }

        private Step<Void> put(Fetched item) {
            state = State.PUTTING;
            return yieldFrom(buffer.put(item)); // still holding the permit: a full queue holds stage 1 back
        }

        @Override
        protected void cleanUp() {
            if (holdingPermit) {
                holdingPermit = false;
                permits.release();
            }
        }

        @Override
        public String state() {
            return state.name();
        }

        @Override
        public String name() {
            return SpanNames.request(url);
        }
    }

    /** Stage 2 and 3: take one item, process it, collect it — then the next. */
    static final class ProcessAll extends Coroutine<Void> {

        private enum State { TAKING, PROCESSING }

        private final Scheduler scheduler;
        private final Queue<Fetched> buffer;
        private final PipelineRequest request;
        private final ResultsInOrder results;
        private final ExecutorService worker; // null: the work runs here, on the loop (the teaching demo)
        private final Trace trace;
        private int toCollect;
        private State state = State.TAKING;
        private Fetched current;

        ProcessAll(Scheduler scheduler, Queue<Fetched> buffer, PipelineRequest request, ResultsInOrder results,
                   ExecutorService worker, Trace trace) {
            this.scheduler = scheduler;
            this.buffer = buffer;
            this.request = request;
            this.results = results;
            this.worker = worker;
            this.trace = trace;
            this.toCollect = request.urls().size();
        }

        @Override
        protected Step<Void> resume(Object sent) {
            if (sent != null) {
                switch (state) {
                    case TAKING -> {
                        current = (Fetched) sent;
                        if (worker != null) {
                            state = State.PROCESSING;
                            Fetched item = current;
                            return resultOf(Offload.call(scheduler, worker, SpanNames.process(item.url()), () -> {
                                try (var processing = trace.begin(SpanNames.process(item.url()))) {
                                    return request.work().apply(item); // on the worker thread
                                }
                            }));
                        }
                        collect(request.work().apply(current)); // THE DEMO: CPU work in the coroutine, on the loop
                    }
                    case PROCESSING -> collect((PipelineItem) sent);
                }
            }
            if (toCollect == 0) {
                return returning(null);
            }
            state = State.TAKING;
            return yieldFrom(buffer.get());
        }

        private void collect(PipelineItem item) {
            results.collect(current.index(), item);
            toCollect--;
        }

        @Override
        public String state() {
            return state.name() + ", " + toCollect + " to collect";
        }

        @Override
        public String name() {
            return "process " + request.urls().size() + " pages";
        }
    }
}
