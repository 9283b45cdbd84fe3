package paradigms.common.counter;

/**
 * A counter with no protection at all: a plain field, read and written in two separate steps.
 * Whatever makes the increments correct — a lock, a single loop thread with no suspension
 * between the steps, an atomic — is the paradigm's job, which is the point of the exercise.
 *
 * <p>Not thread-safe, on purpose. (Not even {@code volatile}: the lost updates shown by the
 * chapters come from interleaving, and a lock's happens-before edges are what make the
 * correct versions see each other's writes.)
 */
public final class SharedCounter {

    private long value;

    public long read() {
        return value;
    }

    public void write(long newValue) {
        value = newValue;
    }
}
