package paradigms.multiprocessing;

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
interface Job<R> {

    /** The task kind the worker looks its handler up by, e.g. {@code "squares"}. */
    String kind();

    /** The task's arguments, as the worker's handler receives them. */
    List<String> arguments();

    /**
     * Reads the values of the worker's {@code done} frame. Checks them as it reads: a value
     * that is not what this job expects throws, and the pool reports that as a malformed
     * frame from the worker that sent it.
     */
    R decode(List<String> values) throws Wire.BadFrameException;

    /** A short name for traces and error messages, e.g. {@code "squares n=5000000…5000002"}. */
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
}
