package paradigms.greenlets.virtual;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fail-fast fan-out: run every task on its own virtual thread and return all their results
 * — or, at the first failure, interrupt the others and throw that failure.
 *
 * <p>This is the shape {@code StructuredTaskScope} gives (open a scope, fork, join, the first
 * failure cancels the rest, nothing outlives the scope), written with an executor because
 * {@code StructuredTaskScope} is still a preview API in JDK 25 (the chapter's README says why
 * this course does not switch previews on).
 *
 * <p>States of one call:
 * <pre>
 *   RUNNING -&gt; SUCCEEDED  every task returned: results in input order
 *   RUNNING -&gt; FAILING    the first task to fail is taken from the completion queue
 *                         (or the calling thread is interrupted while waiting)
 *   FAILING -&gt; FAILED     every other task is cancelled with an interrupt; close() waits
 *                         until each has really stopped; the first failure is thrown
 * </pre>
 * Either way, when the call returns no task is still running. Cancelling is co-operative: a
 * task that ignores interrupts (a busy loop that never checks) keeps the call waiting until it
 * ends on its own — structured concurrency has exactly the same limit.
 */
public final class FailFast {

    private FailFast() {
    }

    /**
     * @return the tasks' results, in the order of {@code tasks}
     * @throws ExecutionException   wrapping the first failure, in order of completion
     * @throws InterruptedException when the caller is interrupted; the tasks were interrupted too
     */
    public static <T> List<T> invokeAll(List<? extends Callable<T>> tasks) throws ExecutionException, InterruptedException {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<T> completed = new ExecutorCompletionService<>(threads);
            List<Future<T>> forked = new ArrayList<>();
            for (Callable<T> task : tasks) {
                forked.add(completed.submit(task));
            }
            try {
                for (int i = 0; i < forked.size(); i++) {
                    completed.take().get(); // in completion order: a failure is seen as soon as it happens
                }
            } catch (ExecutionException | InterruptedException firstFailure) {
                for (Future<T> sibling : forked) {
                    sibling.cancel(true); // interrupts it if still running; no effect on finished ones
                }
                throw firstFailure;
            }
            return forked.stream().map(Future::resultNow).toList();
        } // close(): waits for every task, including the cancelled ones, to end
    }
}
