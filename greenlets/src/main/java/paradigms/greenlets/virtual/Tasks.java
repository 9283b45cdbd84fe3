package paradigms.greenlets.virtual;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reading the outcome of tasks that ran on other (virtual) threads.
 *
 * <p>{@link Future#get()} wraps whatever the task threw in an {@link ExecutionException}.
 * Straight-line code wants the task's own exception back, as if it had made the call itself:
 * {@link #join} unwraps it.
 */
public final class Tasks {

    private Tasks() {
    }

    /**
     * Waits for the task and returns its value, or throws what the task threw: a
     * {@code declared} checked exception as itself, unchecked ones as themselves, and any other
     * checked exception (which the task's signature should have ruled out) wrapped in an
     * {@link IllegalStateException}.
     */
    public static <T, X extends Exception> T join(Future<T> task, Class<X> declared) throws X, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException wrapped) {
            Throwable thrown = wrapped.getCause();
            if (declared.isInstance(thrown)) {
                throw declared.cast(thrown);
            }
            if (thrown instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (thrown instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a task failed with an undeclared exception", thrown);
        }
    }

    /** {@link #join(Future, Class)} for a task that throws nothing checked but may be interrupted. */
    public static <T> T join(Future<T> task) throws InterruptedException {
        return join(task, RuntimeException.class);
    }

    /**
     * Every task's value, in list order. If a task failed, or the caller is interrupted while
     * waiting, the tasks still running are interrupted ({@code shutdownNow}) before the
     * exception is thrown: nobody will read their results, and the executor's {@code close()}
     * should not wait for them to finish on their own.
     */
    public static <T, X extends Exception> List<T> joinAll(ExecutorService threads, List<Future<T>> tasks, Class<X> declared)
            throws X, InterruptedException {
        List<T> values = new ArrayList<>(tasks.size());
        try {
            for (Future<T> task : tasks) {
                values.add(join(task, declared));
            }
            return values;
        } catch (Throwable failed) {
            threads.shutdownNow();
            throw failed;
        }
    }

    /** {@link #joinAll(ExecutorService, List, Class)} for tasks that throw nothing checked. */
    public static <T> List<T> joinAll(ExecutorService threads, List<Future<T>> tasks) throws InterruptedException {
        return joinAll(threads, tasks, RuntimeException.class);
    }
}
