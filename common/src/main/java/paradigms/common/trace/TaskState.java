package paradigms.common.trace;

/**
 * One segment of a task's life: it was running, waiting for something, or ready to run but not
 * yet running. A task's segments follow each other without gaps, so its track in the trace
 * reads as its whole life; {@link Trace#taskStates()} has them all.
 *
 * @param task        the task, named as its first span is ({@link SpanNames})
 * @param state       running, waiting or ready
 * @param waitedFor   what it waited for — in a {@code WAITING} segment, and in the {@code READY}
 *                    segment after it (whose start is the moment that thing happened); null in a
 *                    {@code RUNNING} one
 * @param startMicros start, in microseconds since the epoch (the clock of {@link Span})
 * @param endMicros   end, in microseconds since the epoch
 */
public record TaskState(String task, State state, Waited waitedFor, long startMicros, long endMicros) {

    /** The three states of a task, as an operating system's scheduler or Python's event loop has them. */
    public enum State {
        /** The task's code is running on some thread. */
        RUNNING,
        /** Suspended until something happens. */
        WAITING,
        /** What it waited for happened; it waits for its turn to run (a ready queue, a core, a reader). */
        READY
    }

    public TaskState {
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("endMicros " + endMicros + " is before startMicros " + startMicros);
        }
        if ((state == State.RUNNING) != (waitedFor == null)) {
            throw new IllegalArgumentException("waitedFor is named for waiting and ready segments only, was " + waitedFor
                    + " for " + state);
        }
    }

    /** The segment's name on the task's track: {@code "running"}, {@code "waiting for socket"}, {@code "ready"}. */
    public String label() {
        return switch (state) {
            case RUNNING -> "running";
            case WAITING -> waitedFor.waitingLabel();
            case READY -> "ready";
        };
    }

    public long durationMicros() {
        return endMicros - startMicros;
    }
}
