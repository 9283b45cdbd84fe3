package paradigms.greenlets;

import paradigms.common.counter.CounterRequest;
import paradigms.common.exercises.NotDoneYet;

/**
 * Exercise {@code one-carrier} (greenlets/README.md, Exercises for you, 2): two probes of what the
 * carriers do, run with the default scheduler and with one carrier.
 */
final class OneCarrier {

    /** The tasks and increments of the counter probe: the {@code counter} contract's. */
    static final CounterRequest COUNTER = new CounterRequest(50, 100);

    private OneCarrier() {
    }

    /**
     * Runs {@code Counter.withoutLock(suspension)} on {@link #COUNTER} and a fresh
     * {@code SharedCounter}; returns how many updates were lost (expected total minus total).
     */
    static long lostUpdates(Counter.Suspension suspension) throws InterruptedException {
        throw new NotDoneYet("exercise one-carrier is not done yet: implement OneCarrier.lostUpdates — see greenlets/README.md, Exercises for you, 2");
    }

    /**
     * Runs the chapter's {@code Squares} on Real Python's inputs under a recording trace; returns
     * whether two of its spans overlapped in time.
     */
    static boolean squaresRanInParallel() throws InterruptedException {
        throw new NotDoneYet("exercise one-carrier is not done yet: implement OneCarrier.squaresRanInParallel — see greenlets/README.md, Exercises for you, 2");
    }
}
