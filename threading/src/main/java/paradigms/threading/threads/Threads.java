package paradigms.threading.threads;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The two things every exercise of this chapter does with threads: make a pool of named
 * platform threads, and wait for a task's answer.
 *
 * <p>Names matter: the trace and a thread dump ({@code jcmd PID Thread.print}) show
 * {@code download-3}, not {@code pool-7-thread-3}.
 */
public final class Threads {

    private Threads() {
    }

    /**
     * A pool of exactly {@code size} platform threads named {@code name-1 … name-size}.
     * Close it with try-with-resources: {@link ExecutorService#close()} waits until every
     * submitted task has finished, so no thread outlives the block.
     */
    public static ExecutorService fixedPool(String name, int size) {
        return Executors.newFixedThreadPool(size, Thread.ofPlatform().name(name + "-", 1).factory());
    }

    /**
     * A new platform thread for every task, named {@code name-1, name-2, …}; each thread ends
     * with its task. For tasks that spend their whole life waiting, where a fixed pool would
     * only make them queue. {@link ExecutorService#close()} waits for every task, as above.
     */
    public static ExecutorService perTask(String name) {
        return Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name(name + "-", 1).factory());
    }

    /**
     * Blocks the calling thread until the task is done and returns its value. A task's failure
     * is rethrown here, on the caller's thread, so none stays behind on a worker: an unchecked
     * exception or an error as itself, an interrupted worker (the call is being cancelled) as
     * {@link InterruptedException}, any other checked exception wrapped.
     */
    public static <T> T await(Future<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw rethrow(e.getCause());
        }
    }

    /** Throws {@code failure} if unchecked; wraps anything else. Declared to return so callers can write {@code throw}. */
    public static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("a task failed: " + failure, failure);
    }
}
