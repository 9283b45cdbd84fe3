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
 * <p><b>Threads:</b> {@code call} runs on the loop thread; {@code work} runs on one of the
 * executor's threads; the future is completed back on the loop thread, by a callback the
 * worker hands over with {@code callSoonThreadSafe} — the only way in from another thread.
 * The executor's size bounds how many blocking calls run at once: give it as many threads
 * as the library may use connections.
 *
 * <p>Cancelling the future does not stop the work: a thread blocked in JDBC is not
 * interrupted (and JDBC drivers do not promise to answer an interrupt). The result is
 * dropped when it lands; the scheduler still waits for it, so that no worker outlives
 * {@link Scheduler#run}.
 */
public final class Offload {

    private Offload() {
    }

    public static <T> Future<T> call(Scheduler scheduler, Executor executor, String label, Callable<T> work) {
        Future<T> future = scheduler.newFuture(label);
        scheduler.offloadStarted();
        try {
            executor.execute(() -> {
                Runnable handOver;
                try {
                    T value = work.call();
                    handOver = () -> future.complete(value);
                } catch (Throwable error) {
                    handOver = () -> future.fail(error);
                }
                Runnable landing = handOver;
                scheduler.loop().callSoonThreadSafe(() -> {
                    scheduler.offloadLanded();
                    landing.run();
                });
                scheduler.offloadHandedOver();
            });
        } catch (RejectedExecutionException rejected) {
            scheduler.offloadLanded();
            future.fail(rejected);
        }
        return future;
    }
}
