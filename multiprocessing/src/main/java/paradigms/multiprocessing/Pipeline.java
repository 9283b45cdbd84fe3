package paradigms.multiprocessing;

import paradigms.common.download.DownloadResult.DownloadFailed;
import paradigms.common.download.Failure;
import paradigms.common.pipeline.BufferLevel;
import paradigms.common.pipeline.Fetched;
import paradigms.common.pipeline.PipelineExercise;
import paradigms.common.pipeline.PipelineRequest;
import paradigms.common.pipeline.PipelineResult;
import paradigms.common.pipeline.ResultsInOrder;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.multiprocessing.pool.CreditBuffer;
import paradigms.multiprocessing.pool.Job;
import paradigms.multiprocessing.pool.PoolException;
import paradigms.multiprocessing.pool.Values;
import paradigms.multiprocessing.pool.Wire;
import paradigms.multiprocessing.pool.WorkerResources;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * {@code pipeline} across processes: stage 1 in worker processes, the buffer and stages 2 and 3
 * in the parent, and <b>credits over the pipes</b> between them.
 *
 * <p>A worker fetches one URL (blocking, the course's socket client, as in {@link Download}),
 * then asks the parent for a credit — a place in the buffer reserved for its page — and sends
 * the page only once it has one. The conversation, for one URL:
 * <pre>
 *   pool → worker   task    ID  pipeline-fetch  URL  TIMEOUT_NS
 *                                                   (the worker fetches the URL)
 *   worker → pool   call    ID  credit              (the parent's thread for this worker waits
 *   pool → worker   answer  ID                       in CreditBuffer.grant() until a place is free)
 *   worker → pool   done    ID  …  page    BODY_BASE64
 *                or done    ID  …  failed  FAILURE  STATUS  DETAIL
 * </pre>
 * So a worker never sends a page ahead of a place for it, and while it waits for its credit it
 * holds its page and fetches nothing else: with C workers, the requests the server has seen
 * never run ahead of the pages stage 2 took plus B plus C. A failure is an item too, and waits
 * for its credit like a page.
 *
 * <p><b>Where stage 2 runs, and why.</b> In the parent, on the caller's thread: it takes one item
 * at a time from the {@link CreditBuffer}, runs the request's work on it and collects the result.
 * The work is an object of the caller's (the contract counts what it sees), and the pages come to
 * the parent anyway, where stage 3 collects. Nothing stalls here as on an event loop: the workers
 * fetch in their own processes while stage 2 computes, and the parent's pool threads, not stage 2,
 * answer their calls. What holds stage 1 back is the credits alone.
 *
 * <p>Teaching shortcut, labelled: the body crosses the pipe as Base64 text in one frame, so a page
 * must fit the wire's frame limit (1 MiB of text, about 750 KiB of body); a real system would
 * send it in chunks, or leave it where it is and send its address.
 */
final class Pipeline implements PipelineExercise {

    static final String KIND = "pipeline-fetch";

    @Override
    public PipelineResult run(PipelineRequest request, BufferLevel level, Trace trace) throws InterruptedException {
        var results = new ResultsInOrder(request);
        var buffer = new CreditBuffer<Fetched>(request.bufferSize(), reportingTo(level));
        List<URI> urls = request.urls();
        int workers = Math.min(Math.min(request.maxInFlight(), urls.size()), Download.MAX_WAITING_WORKERS);
        try (var pool = Workers.pool().size(workers).forWaiting().start()) {
            try {
                for (int i = 0; i < urls.size(); i++) {
                    pool.submit(new FetchJob(i, urls.get(i), request.timeout(), buffer), trace)
                            .whenComplete((handedOver, bug) -> {
                                if (bug != null) {
                                    buffer.close(bug); // a bug, not a failing URL: stage 2 must not wait for this item
                                }
                            });
                }
                for (int taken = 0; taken < urls.size(); taken++) { // stage 2, one item at a time, here
                    Fetched item = buffer.take();
                    try (var processing = trace.begin(SpanNames.process(item.url()))) {
                        results.collect(item.index(), request.work().apply(item));
                    }
                }
            } finally {
                buffer.close(null); // frees pool threads still waiting for a credit, if stage 2 stopped early
            }
        } // stops every worker and reaps it
        return results.result();
    }

    /** The buffer's watcher that keeps the level: told under the buffer's lock, in the step that makes each change. */
    static CreditBuffer.Watcher<Fetched> reportingTo(BufferLevel level) {
        return new CreditBuffer.Watcher<>() {
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

    /**
     * The parent's half, for one URL: grants the worker's credit, and puts the item its reply
     * carries into the place reserved for it. Every method runs on the pool's thread for the
     * worker that runs the job, so {@link #holdsCredit} needs no lock.
     */
    static final class FetchJob implements Job<Fetched> {
        private final int index;
        private final URI url;
        private final Duration timeout;
        private final CreditBuffer<Fetched> buffer;
        private boolean holdsCredit;

        FetchJob(int index, URI url, Duration timeout, CreditBuffer<Fetched> buffer) {
            this.index = index;
            this.url = url;
            this.timeout = timeout;
            this.buffer = buffer;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> arguments() {
            return List.of(url.toString(), String.valueOf(timeout.toNanos()));
        }

        /** The worker asks for a credit: this thread waits here until the buffer has a place for the page. */
        @Override
        public List<String> answer(List<String> question) throws Wire.BadFrameException {
            Values call = Values.of(question).expectSize(1, "a pipeline call");
            if (!call.text(0, "what").equals("credit")) {
                throw new Wire.BadFrameException("unknown pipeline call \"" + Wire.excerpt(call.text(0, "what")) + "\"");
            }
            if (holdsCredit) {
                throw new Wire.BadFrameException("a second credit for one page");
            }
            try {
                buffer.grant();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + label() + " waited for a credit", e);
            }
            holdsCredit = true;
            return List.of();
        }

        /** The reply: the item, into its reserved place — here, before the pool completes the job. */
        @Override
        public Fetched decode(List<String> values) throws Wire.BadFrameException {
            Values reply = Values.of(values).expectAtLeast(1, "a pipeline reply");
            Fetched item = switch (reply.text(0, "outcome")) {
                case "page" -> new Fetched.Page(index, url, body(reply.expectSize(2, "a \"page\" reply").text(1, "body")));
                case "failed" -> {
                    reply.expectSize(4, "a \"failed\" reply");
                    yield new Fetched.Failed(index, new DownloadFailed(url, reply.oneOf(Failure.class, 1, "failure"),
                            reply.integer(2, "status"), reply.text(3, "detail")));
                }
                default -> throw new Wire.BadFrameException("unknown pipeline outcome \"" + Wire.excerpt(reply.text(0, "outcome")) + "\"");
            };
            if (!holdsCredit) {
                throw new Wire.BadFrameException("a page sent without a credit");
            }
            hand(item);
            return item;
        }

        /** A worker that died twice on this URL: this URL's failure, which takes a place like any item. */
        @Override
        public Fetched ifWorkerFails(PoolException failure) {
            Fetched item = Fetched.ofError(index, url, failure);
            hand(item);
            return item;
        }

        /** However the conversation ended: a credit granted and never filled is given back. */
        @Override
        public void ended() {
            if (holdsCredit) {
                holdsCredit = false;
                buffer.giveBack();
            }
        }

        private void hand(Fetched item) {
            if (!holdsCredit) { // the worker died before it asked: wait for a place like a worker would
                try {
                    buffer.grant();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while " + label() + " waited for a credit", e);
                }
            }
            holdsCredit = false;
            buffer.fill(item);
        }

        private static byte[] body(String base64) throws Wire.BadFrameException {
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new Wire.BadFrameException("a page body that is not Base64: " + e.getMessage());
            }
        }

        @Override
        public String label() {
            return SpanNames.request(url);
        }
    }

    /** The worker's half: fetch, ask for a credit, and only then send the item. */
    static List<String> work(List<String> arguments, WorkerResources resources) throws Exception {
        Values task = Values.of(arguments).expectSize(2, "a pipeline-fetch task");
        URI url = task.uri(0, "url");
        Duration timeout = Duration.ofNanos(task.number(1, "timeout"));
        resources.warmUpHttpOnce();
        Fetched fetched = resources.http().fetch(0, url, timeout); // the index is the parent's business
        resources.parent().call("credit"); // holds the page here until the parent has a place for it
        return switch (fetched) {
            case Fetched.Page page -> List.of("page", Base64.getEncoder().encodeToString(page.body()));
            case Fetched.Failed failed -> List.of("failed", failed.failure().failure().name(),
                    String.valueOf(failed.failure().status()), failed.failure().detail());
        };
    }
}
