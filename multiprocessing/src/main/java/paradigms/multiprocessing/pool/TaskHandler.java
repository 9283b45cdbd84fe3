package paradigms.multiprocessing.pool;

import java.util.List;

/**
 * What a worker does with a task: the worker-side half of every {@link Job}. Runs in the
 * child JVM, on its task thread, one task at a time. The chapter's {@code Workers.KNOWN_TASKS} is the
 * worker's own; lesson tests wrap it with task kinds that misbehave on purpose.
 */
public interface TaskHandler {

    /**
     * @param kind      the task kind, e.g. {@code "squares"}
     * @param arguments the task frame's arguments
     * @param resources what this worker keeps between tasks (an HTTP client, a database connection)
     * @return the values of the {@code done} frame; throwing sends a {@code failed} frame instead
     */
    List<String> run(String kind, List<String> arguments, WorkerResources resources) throws Exception;
}
