package paradigms.common.counter;

import paradigms.common.Check;

/**
 * {@code tasks} tasks each add 1 to a shared counter {@code incrementsPerTask} times, and each
 * increment is read, then suspend, then write — the shape in which updates get lost.
 */
public record CounterRequest(int tasks, int incrementsPerTask) {

    public CounterRequest {
        Check.positive("tasks", tasks);
        Check.positive("incrementsPerTask", incrementsPerTask);
    }

    public long expectedTotal() {
        return (long) tasks * incrementsPerTask;
    }
}
