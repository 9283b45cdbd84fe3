package paradigms.common.trace;

/**
 * One interval during which a task ran on a lane (a thread, or a thread of a child process).
 * The gaps between a task's spans are the times it was suspended.
 *
 * @param task        what ran, e.g. {@code "sum 5000000"}, named by {@link SpanNames}
 * @param process     the process it ran in ({@code "pid 1234"})
 * @param thread      the thread it ran on, within that process
 * @param startMicros start, in microseconds since the epoch (comparable across processes)
 * @param endMicros   end, in microseconds since the epoch
 */
public record Span(String task, String process, String thread, long startMicros, long endMicros) {

    public Span {
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("endMicros " + endMicros + " is before startMicros " + startMicros);
        }
    }

    /** The lane this span ran on: process and thread together. */
    public String lane() {
        return process + " / " + thread;
    }

    public long durationMicros() {
        return endMicros - startMicros;
    }

    /** True when both spans ran at the same moment for a positive time. */
    public boolean overlaps(Span other) {
        return startMicros < other.endMicros && other.startMicros < endMicros;
    }
}
