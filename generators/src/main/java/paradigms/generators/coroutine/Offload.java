package paradigms.generators.coroutine;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs blocking work — a JDBC call, a library that was never made non-blocking — on a worker
 * thread, and brings its result back to the loop as a {@link Future} (asyncio's
 * {@code run_in_executor}). A coroutine waits for it like for any future:
 * {@code return resultOf(Offload.call(scheduler, executor, "query 3", () -> ...));}.
 *
 * <p>It is the loop's own {@code runInExecutor} with a future at the end, as asyncio builds
 * its {@code run_in_executor} on its loop: the callbacks chapter's loop hands the work to the
 * executor, takes the answer back with {@code callSoonThreadSafe} (the only way in from
 * another thread), and counts the job as pending work until the answer has landed — so the
 * loop, and {@link Scheduler#run} with it, does not return while a worker still owes it an
 * answer, and no worker outlives {@code run}.
 *
 * <p><b>Threads:</b> {@code call} runs on the loop thread; {@code work} runs on one of the
 * executor's threads; the future is completed back on the loop thread. The executor's size
 * bounds how many blocking calls run at once: give it as many threads as the library may use
 * connections.
 *
 * <p>Cancelling the future does not stop the work: a thread blocked in JDBC is not
 * interrupted (and JDBC drivers do not promise to answer an interrupt). The result is
 * dropped when it lands; the loop still waits for it.
 */
public final class Offload {

    private Offload() {
    }

    public static <T> Future<T> call(Scheduler scheduler, Executor executor, String label, Callable<T> work) {
        Future<T> future = scheduler.newFuture(label);
        try {
            scheduler.loop().runInExecutor(executor, work, (value, error) -> {
                if (error == null) {
                    future.complete(value); // false, and nothing happens, if it was cancelled meanwhile
                } else {
                    future.fail(error);
                }
            });
        } catch (RejectedExecutionException rejected) { // the executor is shut down or full
            future.fail(rejected);
        }
        return future;
    }
}
