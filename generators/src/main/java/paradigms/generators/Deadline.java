package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.deadline.DeadlineExercise;
import paradigms.common.deadline.DeadlineRequest;
import paradigms.common.deadline.DeadlineResult;
import paradigms.common.deadline.DeadlineTally;
import paradigms.common.download.DownloadResult;
import paradigms.common.http.HttpResponse;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Semaphore;
import paradigms.generators.coroutine.Step;
import paradigms.generators.coroutine.TimeLimit;
import paradigms.generators.http.CoroutineHttpClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * {@code deadline}: the download of {@link Download}, with an overall deadline and fail-fast,
 * built from the two primitives that already cancel: {@link TimeLimit} around a
 * {@link Gather} of one task per URL. In Python:
 * <pre>
 * try:
 *     with timeout(deadline):
 *         yield from gather(*(fetch(i, url) for i, url in enumerate(urls)))
 * except TimeoutError:
 *     tally.deadline_passed()
 * except FirstFailure:
 *     pass                      # the tally has recorded it
 * return tally.result()
 * </pre>
 *
 * <p><b>What cancelling takes here.</b> A URL whose result is the first failure throws
 * {@link FirstFailure} out of its task; the gather notices at once, cancels every other task,
 * and waits until all have finished before the failure goes on. When the deadline passes
 * instead, the time limit's timer cancels the main task, and the gather, cancelled while
 * joining, does the same to its tasks. Either way each task gets a
 * {@link CancellationException} thrown in at the {@code yield} it is suspended at, and its
 * stack of coroutines unwinds: the exchange's clean-up closes its socket (the server sees the
 * connection close in the middle of its delay), the limited GET gives its permit back, a task
 * still waiting for a permit leaves the semaphore's queue. Nothing has to be interrupted,
 * because nothing blocks: every task is a few objects waiting for the loop. {@code run}
 * returns only when every task has finished, then the client closes its idle keep-alive
 * connections and the loop its selector — there is no thread to stop but the caller's own.
 */
final class Deadline implements DeadlineExercise {

    @Override
    public DeadlineResult download(DeadlineRequest request, Trace trace) {
        var tally = new DeadlineTally(request);
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
            try (var client = new CoroutineHttpClient(scheduler)) {
                var permits = new Semaphore(scheduler, "requests in flight", request.maxInFlight());
                List<FetchItem> fetches = new ArrayList<>(request.urls().size());
                for (int i = 0; i < request.urls().size(); i++) {
                    URI url = request.urls().get(i);
                    fetches.add(new FetchItem(tally, i, new LimitedGet(client, permits, url, request.requestTimeout()), url));
                }
                var all = new Gather<>(scheduler, fetches.size() + " URLs", fetches);
                scheduler.run(new WithinDeadline(tally, new TimeLimit<>(scheduler, request.deadline(), all)));
            }
        }
        return tally.result();
    }

    /**
     * The main coroutine: runs the time-limited gather and turns how it ended into the tally's
     * ending.
     * <pre>
     * START       -> DOWNLOADING: delegate to the time limit around the gather
     * DOWNLOADING -> DONE:        every URL finished; or the deadline passed (TimeoutException);
     *                             or a URL failed first (FirstFailure); anything else goes on
     * </pre>
     */
    static final class WithinDeadline extends Coroutine<Void> {

        private enum State { START, DOWNLOADING, DONE }

        private final DeadlineTally tally;
        private final TimeLimit<?> timeLimited;
        private State state = State.START;

        WithinDeadline(DeadlineTally tally, TimeLimit<?> timeLimited) {
            this.tally = tally;
            this.timeLimited = timeLimited;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    state = State.DOWNLOADING;
                    return yieldFrom(timeLimited);
                }
                case DOWNLOADING -> {
                    state = State.DONE;
                    return returning(null);
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        @Override
        protected Step<Void> resumeThrowing(Exception thrown) throws Exception {
            if (state == State.DOWNLOADING && thrown instanceof TimeoutException) {
                tally.deadlinePassed(); // every task has been cancelled and has cleaned up by now
                state = State.DONE;
                return returning(null);
            }
            if (state == State.DOWNLOADING && thrown instanceof FirstFailure) {
                state = State.DONE;
                return returning(null);
            }
            throw thrown;
        }

        @Override
        public String state() {
            return state.name();
        }

        @Override
        public String name() {
            return "download within the deadline";
        }
    }

    /**
     * One URL: fetch it, record the outcome, and throw {@link FirstFailure} when the tally says
     * this was the first failure — the exception is what makes the gather cancel the rest.
     * A {@link CancellationException} is not an outcome: it goes on, and the tally reports the
     * URL cancelled.
     * <pre>
     * START    -> FETCHING: delegate to the limited GET
     * FETCHING -> DONE:     a response, or an exception other than a cancellation: recorded
     * </pre>
     */
    static final class FetchItem extends Coroutine<Void> {

        private enum State { START, FETCHING, DONE }

        private final DeadlineTally tally;
        private final int index;
        private final LimitedGet get;
        private final URI url;
        private State state = State.START;

        FetchItem(DeadlineTally tally, int index, LimitedGet get, URI url) {
            this.tally = tally;
            this.index = index;
            this.get = get;
            this.url = url;
        }

        @Override
        protected Step<Void> resume(Object sent) throws FirstFailure {
            switch (state) {
                case START -> {
                    state = State.FETCHING;
                    return yieldFrom(get);
                }
                case FETCHING -> {
                    HttpResponse response = (HttpResponse) sent;
                    return record(DownloadResult.ofResponse(url, response.status(), response.body()));
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        @Override
        protected Step<Void> resumeThrowing(Exception thrown) throws Exception {
            if (state == State.FETCHING && !(thrown instanceof CancellationException)) {
                return record(DownloadResult.ofError(url, thrown));
            }
            throw thrown;
        }

        private Step<Void> record(DownloadResult result) throws FirstFailure {
            state = State.DONE;
            if (tally.record(index, result)) {
                throw new FirstFailure(url);
            }
            return returning(null);
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

    /**
     * Thrown by the URL whose failure ends the call; what failed is in the tally. An exception
     * rather than a flag, because an exception is what a {@link Gather} fails fast on.
     */
    static final class FirstFailure extends Exception {
        FirstFailure(URI url) {
            super(url + " failed first: the other URLs are cancelled", null, true, false); // no Java stack: a signal, not a bug
        }
    }
}
