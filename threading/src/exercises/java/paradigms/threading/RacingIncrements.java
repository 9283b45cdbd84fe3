package paradigms.threading;

import paradigms.common.exercises.NotDoneYet;

/**
 * Exercise {@code racing-increments} (threading/README.md, Exercises for you, 7): T threads each
 * add one to a shared counter M times — on a {@code volatile long} with {@code count++}, then on
 * an {@code AtomicLong}.
 */
final class RacingIncrements {

    private RacingIncrements() {
    }

    /**
     * Runs {@code threads} threads that each do {@code count++} on one shared {@code volatile long}
     * {@code increments} times; returns the final count.
     *
     * @throws IllegalArgumentException if {@code threads < 1} or {@code increments < 0}
     */
    static long unguarded(int threads, int increments) throws InterruptedException {
        throw notDone("RacingIncrements.unguarded");
    }

    /**
     * The same race on an {@code AtomicLong}; returns the final count.
     *
     * @throws IllegalArgumentException if {@code threads < 1} or {@code increments < 0}
     */
    static long atomic(int threads, int increments) throws InterruptedException {
        throw notDone("RacingIncrements.atomic");
    }

    private static NotDoneYet notDone(String method) {
        return new NotDoneYet("exercise racing-increments is not done yet: implement " + method
                + " — see threading/README.md, Exercises for you, 7");
    }
}
