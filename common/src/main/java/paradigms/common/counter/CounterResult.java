package paradigms.common.counter;

/**
 * @param total    what the counter holds at the end
 * @param expected tasks × increments: what it should hold
 */
public record CounterResult(long total, long expected) {

    public long lostUpdates() {
        return expected - total;
    }
}
