package paradigms.common.counter;

/**
 * What a {@link SharedCounter} saw: a record kept by the counter itself, not by the code that
 * increments it.
 *
 * @param value                what the counter holds
 * @param increments           read → write pairs completed (a task's read, then its write)
 * @param interleaved          pairs between whose read and write another task read or wrote the counter
 * @param staleWrites          pairs whose write came after another task's write that followed their read:
 *                             each of them overwrote at least one increment
 * @param writesWithoutRead    writes by a task that had no read open (no increment at all)
 * @param writesNotOnePastRead pairs that did not write the value read plus one
 */
public record CounterLog(long value, long increments, long interleaved, long staleWrites, long writesWithoutRead,
                         long writesNotOnePastRead) {

    /** Increments done minus what the counter holds: the updates that were overwritten. */
    public long lostUpdates() {
        return increments - value;
    }
}
