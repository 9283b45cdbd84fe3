package paradigms.multiprocessing.pool;

import java.util.List;

/**
 * A piece of work for the pool, as the parent sees it: what to ask a worker for, and how to
 * read the answer. The other half, what the worker does with it, is a {@link TaskHandler}
 * registered under the same {@link #kind()} in {@link WorkerMain}; each exercise keeps both
 * halves in one file so that a learner sees both ends of the wire together.
 *
 * <p>Both {@link #arguments()} and the values passed to {@link #decode} are text: the wire
 * carries nothing else (see {@link Wire}).
 *
 * @param <R> the result in the parent
 */
public interface Job<R> {

    /** The task kind the worker looks its handler up by, e.g. {@code "squares"}. */
    String kind();

    /**
     * The task's arguments, as the worker's handler receives them. Read as the task frame is
     * written — after {@link #sent()}, so they may carry what that hook decided (the resume
     * exercise's due time).
     */
    List<String> arguments();

    /**
     * Reads the values of the worker's {@code done} frame. Checks them as it reads: a value
     * that is not what this job expects throws, and the pool reports that as a malformed
     * frame from the worker that sent it.
     */
    R decode(List<String> values) throws Wire.BadFrameException;

    /** A short name for traces and error messages, e.g. {@code "sum 5000000…5000002"} (see {@link paradigms.common.trace.SpanNames}). */
    String label();

    /**
     * What this job's result is when its worker died twice running it or sent a malformed
     * answer. By default the failure is the job's outcome: {@code map} throws it. A job whose
     * failure belongs in the results instead (a URL that could not be downloaded is one
     * result among others) returns that result.
     */
    default R ifWorkerFails(PoolException failure) {
        throw failure;
    }

    // The three hooks below run on the pool's thread for the worker that runs this job, in this
    // order: sent, then answer for each call the task makes, then ended. A job that needs none
    // of them — most — ignores them.

    /**
     * The task frame is about to be written to a worker: the moment the job is handed over —
     * before the write, so that nothing the worker starts on receipt can begin before it. On a
     * retry (see {@link PoolWorker}) this runs again, on the replacement.
     */
    default void sent() {
    }

    /**
     * Answers a {@code call} the task makes while it runs (see {@link Frame}): the question's
     * values in, the answer's values out, sent back at once. May block: the task waits for the
     * answer anyway — but everything it takes must be given back in {@link #ended}, which the
     * pool runs however the conversation ends. Throwing {@link Wire.BadFrameException} means the
     * question makes no sense: the pool reports a malformed frame from that worker.
     */
    default List<String> answer(List<String> question) throws Wire.BadFrameException {
        throw new Wire.BadFrameException("the task made a call, but " + label() + " answers none");
    }

    /**
     * The conversation about this job with one worker is over: the worker replied, died, or
     * broke the protocol. Gives back what {@link #answer} took for the task, so that a worker
     * that dies holding something cannot keep it from the others.
     */
    default void ended() {
    }
}
