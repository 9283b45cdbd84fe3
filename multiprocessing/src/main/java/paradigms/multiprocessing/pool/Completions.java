package paradigms.multiprocessing.pool;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The results of {@link ProcessPool#unordered}, in the order the jobs finish. The pool's
 * threads add to the queue; one thread, the caller's, takes from it.
 */
public final class Completions<R> {
    private final int total;
    private final LinkedBlockingQueue<Completed<R>> finished;
    private int taken;

    Completions(int total, LinkedBlockingQueue<Completed<R>> finished) {
        this.total = total;
        this.finished = finished;
    }

    public boolean hasNext() {
        return taken < total;
    }

    /** Waits for the next job to finish; throws its failure if it failed. */
    public Completed<R> next() throws InterruptedException {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + total + " results were taken");
        }
        Completed<R> completed = finished.take();
        taken++;
        return rethrowIfFailed(completed);
    }

    /**
     * Like {@link #next()}, but waits at most {@code timeout}: null if no job finished by then.
     * For a caller with a deadline of its own.
     */
    public Completed<R> next(Duration timeout) throws InterruptedException {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + total + " results were taken");
        }
        Completed<R> completed = finished.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (completed == null) {
            return null;
        }
        taken++;
        return rethrowIfFailed(completed);
    }

    private static <R> Completed<R> rethrowIfFailed(Completed<R> completed) {
        if (completed.error() instanceof RuntimeException failure) {
            throw failure;
        }
        if (completed.error() != null) {
            throw new IllegalStateException(completed.error());
        }
        return completed;
    }

    /** One finished job: its position among the jobs given, and its result or failure. */
    public record Completed<R>(int index, R value, Throwable error) {
    }
}
