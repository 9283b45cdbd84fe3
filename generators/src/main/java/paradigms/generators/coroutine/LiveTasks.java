package paradigms.generators.coroutine;

import java.util.function.Consumer;

/**
 * The tasks a {@link Scheduler} has spawned that are not done yet, in spawn order: what its
 * dump lists as waiting, what it cancels when {@code main} ends, and what tells it that
 * nothing is left. Loop thread only.
 *
 * <p>Optimisation (for a million waiting tasks): a doubly linked list threaded through the
 * tasks' own fields ({@code previousLive}, {@code nextLive}), so that adding a task makes no
 * entry object — a {@code LinkedHashSet} entry would cost about 48 bytes a task.
 * Plain version: {@code private final Set<Task<?>> live = new LinkedHashSet<>();} in the
 * scheduler, with {@code live.add(task)} and {@code live.remove(task)}.
 */
final class LiveTasks {

    private Task<?> first;
    private Task<?> last;

    void add(Task<?> task) {
        task.previousLive = last;
        if (last == null) {
            first = task;
        } else {
            last.nextLive = task;
        }
        last = task;
    }

    void remove(Task<?> task) {
        if (task.previousLive == null) {
            first = task.nextLive;
        } else {
            task.previousLive.nextLive = task.nextLive;
        }
        if (task.nextLive == null) {
            last = task.previousLive;
        } else {
            task.nextLive.previousLive = task.previousLive;
        }
        task.previousLive = null;
        task.nextLive = null;
    }

    boolean isEmpty() {
        return first == null;
    }

    /** Each live task, in spawn order; {@code action} may remove the task it is given. */
    void forEach(Consumer<Task<?>> action) {
        for (Task<?> task = first, next; task != null; task = next) {
            next = task.nextLive;
            action.accept(task);
        }
    }
}
