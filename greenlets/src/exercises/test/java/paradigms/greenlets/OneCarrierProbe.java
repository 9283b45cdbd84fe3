package paradigms.greenlets;

import paradigms.common.exercises.NotDoneYet;

/**
 * The child JVM's main for {@code OneCarrierAcceptanceTest}: runs the learner's probes on the
 * carriers this JVM was started with, and prints one {@code key=value} line per finding — or one
 * {@code not-done=} line with NotDoneYet's message, so that the test can pass it on.
 */
final class OneCarrierProbe {

    private OneCarrierProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.out.println("carriers=" + System.getProperty("jdk.virtualThreadScheduler.parallelism", "default"));
            System.out.println("lostWithoutSuspension=" + OneCarrier.lostUpdates(() -> { }));
            System.out.println("lostWithYield=" + OneCarrier.lostUpdates(Thread::yield));
            System.out.println("squaresRanInParallel=" + OneCarrier.squaresRanInParallel());
        } catch (NotDoneYet notDone) {
            System.out.println("not-done=" + notDone.getMessage());
        }
        System.out.flush();
    }
}
