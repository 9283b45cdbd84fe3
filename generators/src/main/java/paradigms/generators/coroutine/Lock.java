package paradigms.generators.coroutine;

/**
 * A lock for coroutines: a fair {@link Semaphore} with one permit. Between two coroutines on
 * one loop, a lock is needed only around a {@code yield}: code without one runs without
 * interruption anyway. The exhibition's master is such a lock — a master move lasts a
 * {@code yield} of a delay, and no one else may move meanwhile.
 */
public final class Lock {

    private final Semaphore permit;

    public Lock(Scheduler scheduler, String name) {
        this.permit = new Semaphore(scheduler, name, 1);
    }

    /** A coroutine that returns once this lock is held. */
    public Coroutine<Void> acquire() {
        return permit.acquire();
    }

    public void release() {
        if (!isLocked()) {
            throw new IllegalStateException(permit + " is not locked");
        }
        permit.release();
    }

    public boolean isLocked() {
        return permit.available() == 0;
    }

    @Override
    public String toString() {
        return permit.toString();
    }
}
