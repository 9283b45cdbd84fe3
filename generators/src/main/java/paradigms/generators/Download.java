package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.download.DownloadExercise;
import paradigms.common.download.DownloadRequest;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.HttpResponse;
import paradigms.common.measure.ResumeLatency;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Step;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.URI;
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
                        .map(url -> new FetchOne(new LimitedGet(client, permits, url, request.timeout()), url, request.resumeLatency()))
                        .toList();
                return scheduler.run(new Gather<>(scheduler, fetches.size() + " URLs", fetches));
            }
        }
    }

    /** One URL; whatever happens to it becomes its result — a failure too, so that none hides the others. */
    static final class FetchOne extends Coroutine<DownloadResult> {

        private enum State { START, FETCHING, DONE }

        private final LimitedGet get;
        private final URI url;
        private final ResumeLatency resumes;
        private State state = State.START;

        FetchOne(LimitedGet get, URI url, ResumeLatency resumes) {
            this.get = get;
            this.url = url;
            this.resumes = resumes;
        }

        @Override
        protected Step<DownloadResult> resume(Object sent) {
            switch (state) {
                case START -> {
                    state = State.FETCHING;
                    return yieldFrom(get);
                }
                case FETCHING -> {
                    state = State.DONE;
                    HttpResponse response = (HttpResponse) sent;
                    response.sentAtNanos().ifPresent(resumes::record); // the step after the yield: the task runs again
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
