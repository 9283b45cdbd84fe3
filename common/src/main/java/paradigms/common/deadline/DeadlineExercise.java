package paradigms.common.deadline;

import paradigms.common.trace.Trace;

/**
 * The {@code deadline} exercise: cancellation. A download with an overall deadline that fails
 * fast on the first error.
 *
 * <p>Contract (checked by {@code DeadlineContract}): the call returns promptly after the first
 * failure or the deadline; the result says which URLs finished, which failed and which were
 * cancelled; and after it returns, nothing it started is still running or open — no request
 * in flight at the server, no connection, no thread, no child process. Use a
 * {@link DeadlineTally} to decide the ending.
 */
public interface DeadlineExercise {

    DeadlineResult download(DeadlineRequest request, Trace trace) throws InterruptedException;
}
