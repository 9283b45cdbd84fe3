package paradigms.multiprocessing;

import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;


/**
 * The results of {@link ProcessPool#unordered}, in the order the jobs finish. The pool's
 * threads add to the queue; one thread, the caller's, takes from it.
 */
final class Completions<R> {
    private final int total;
    private final LinkedBlockingQueue<Completed<R>> finished;
    private int taken;

    Completions(int total, LinkedBlockingQueue<Completed<R>> finished) {
        this.total = total;
        this.finished = finished;
    }

    boolean hasNext() {
        return taken < total;
    }

    /** Waits for the next job to finish; throws its failure if it failed. */
    Completed<R> next() throws InterruptedException {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + total + " results were taken");
        }
        Completed<R> completed = finished.take();
        taken++;
        if (completed.error() instanceof RuntimeException failure) {
            throw failure;
        }
        if (completed.error() != null) {
            throw new IllegalStateException(completed.error());
        }
        return completed;
    }

    /** One finished job: its position among the jobs given, and its result or failure. */
    record Completed<R>(int index, R value, Throwable error) {
    }
}
