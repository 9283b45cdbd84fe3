package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.HttpResponse;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.TaskLife;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * {@code download}: a task per URL, all gathered; a semaphore of C permits keeps at most C
 * requests in flight. The tasks wait for permits, not threads: N waiting tasks cost N small
 * objects on one thread.
 */
final class Download implements DownloadExercise {

    @Override
    public List<DownloadResult> download(DownloadRequest request, Trace trace) {
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
            try (var client = new CoroutineHttpClient(scheduler)) {
                var permits = new Semaphore(scheduler, "requests in flight", request.maxInFlight());
                List<FetchOne> fetches = request.urls().stream()
                        .map(url -> new FetchOne(client, permits, url, request.timeout(), trace, request.resumeLatency()))
                        .toList();
                return scheduler.run(new Gather<>(scheduler, fetches.size() + " URLs", fetches));
            }
        }
    }

    /**
     * One URL; whatever happens to it becomes its result — a failure too, so that none hides the
     * others. Its task's {@link TaskLife life} begins with its first step and ends with its last;
     * {@link LimitedGet} tells the wait for the socket and the resume in between.
     */
    static final class FetchOne extends Coroutine<DownloadResult> {

        private enum State { START, FETCHING, DONE }

        private final CoroutineHttpClient client;
        private final Semaphore permits;
        private final URI url;
        private final Duration timeout;
        private final Trace trace;
        private final ResumeLatency resumes;
        private State state = State.START;
        private TaskLife life = TaskLife.NOTHING; // from the first step on

        FetchOne(CoroutineHttpClient client, Semaphore permits, URI url, Duration timeout, Trace trace, ResumeLatency resumes) {
            this.client = client;
            this.permits = permits;
            this.url = url;
            this.timeout = timeout;
            this.trace = trace;
            this.resumes = resumes;
        }

        @Override
        protected Step<DownloadResult> resume(Object sent) {
            switch (state) {
                case START -> {
                    life = trace.life(SpanNames.request(url), resumes); // the task runs: its life begins
                    state = State.FETCHING;
                    return yieldFrom(new LimitedGet(client, permits, url, timeout, life));
                }
                case FETCHING -> {
                    state = State.DONE; // LimitedGet noted the resume, in this same step
                    HttpResponse response = (HttpResponse) sent;
                    return returning(DownloadResult.ofResponse(url, response.status(), response.body()));
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        /** {@code except Exception as e: return error_result(e)} — but a cancellation goes on. */
        @Override
        protected Step<DownloadResult> resumeThrowing(Exception thrown) throws Exception {
            if (state == State.FETCHING && !(thrown instanceof CancellationException)) {
                state = State.DONE;
                return returning(DownloadResult.ofError(url, thrown));
            }
            throw thrown;
        }

        /** The task's code is over, however it ended. */
        @Override
        protected void cleanUp() {
            life.ended();
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
}
